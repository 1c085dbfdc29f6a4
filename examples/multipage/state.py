"""The multipage example's state, shared by every page (pages import it)."""

from streamlit_redux import combine_reducers, create_slice

profile = create_slice(
    name="profile",
    initial_state={"name": "", "age": 30, "newsletter": False},
    reducers={
        "renamed": lambda s, a: s.set("name", a.payload),
        "aged": lambda s, a: s.set("age", a.payload),
        "newsletter_set": lambda s, a: s.set("newsletter", a.payload),
    },
)

# A slice only the settings page needs: that page injects it when it first runs.
settings = create_slice(
    name="settings",
    initial_state={"theme": "light"},
    reducers={"theme_set": lambda s, a: s.set("theme", a.payload)},
)

root_reducer = combine_reducers(profile=profile.reducer)
