"""A team board everyone edits at once: open it in two browser windows and watch both.

Run: streamlit run examples/shared_board.py   (or: make demo-shared)
Several servers: REDIS_URL=redis://localhost:6379/0 streamlit run ... on each (docs/shared.md).

``shared_store`` keeps one store for every session of this server. A card added or moved in one
window appears in the other at once, without a click there: only the column fragments whose
cards changed rerun. Your name stays yours (a per-session ``get_store``).
"""

import os

import streamlit as st
from pyrsistent import pmap

from streamlit_redux import create_slice, get_store, shared_store
from streamlit_redux.storage import RedisStorage

COLUMNS = ("todo", "doing", "done")

board = create_slice(
    name="board",
    initial_state={"cards": {}, "next_id": 1},
    reducers={
        "added": lambda s, a: s.set("next_id", s["next_id"] + 1).set(
            "cards", s["cards"].set(s["next_id"], pmap({"title": a.payload["title"],
                                                        "by": a.payload["by"], "column": "todo"}))
        ),
        "moved": lambda s, a: s.set(
            "cards", s["cards"].set(a.payload["id"],
                                    s["cards"][a.payload["id"]].set("column", a.payload["to"]))
        ),
        "removed": lambda s, a: s.set("cards", s["cards"].discard(a.payload)),
    },
)
me = create_slice(
    name="me",
    initial_state={"name": "", "draft": ""},
    reducers={
        "named": lambda s, a: s.set("name", a.payload),
        "drafted": lambda s, a: s.set("draft", a.payload),
    },
)

# One store for everyone on this server; with REDIS_URL, for everyone on every server.
redis = RedisStorage(os.environ["REDIS_URL"]) if os.environ.get("REDIS_URL") else None
team = shared_store("board", board.reducer, storage=redis)
mine = get_store(me.reducer)  # one per browser session

st.title("Team board")
name = st.text_input("Your name", **mine.bind("name", me.actions.named)) or "anonymous"


def add_card() -> None:
    title = mine.state["draft"].strip()
    if title:
        # Two stores change in one click; mine.callback (below) makes it one rerun decision.
        team.dispatch(board.actions.added({"title": title, "by": name}))
        mine.dispatch(me.actions.drafted(""))


st.text_input("New card", **mine.bind("draft", me.actions.drafted))
st.button("Add card", on_click=mine.callback(add_card))


def column(title: str) -> None:
    # Each column is its own fragment: a move reruns the two columns involved, in every window.
    @team.fragment(key=f"column-{title}")
    def draw() -> None:
        st.subheader(title)
        cards = team.select(
            lambda s: [(i, c) for i, c in sorted(s["cards"].items()) if c["column"] == title],
            key=f"cards-{title}",
        )
        for card_id, card in cards:
            with st.container(border=True):
                st.text(f"{card['title']} (by {card['by']})")
                for target in COLUMNS:
                    if target != title:
                        st.button(f"→ {target}", key=f"move-{card_id}-{target}",
                                  on_click=team.dispatch,
                                  args=(board.actions.moved({"id": card_id, "to": target}),))
                st.button("Remove", key=f"remove-{card_id}", on_click=team.dispatch,
                          args=(board.actions.removed(card_id),))

    draw()


for col, title in zip(st.columns(len(COLUMNS)), COLUMNS, strict=True):
    with col:
        column(title)
