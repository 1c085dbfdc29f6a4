"""The rerun decision, without Streamlit: never a stale scope, and no rerun call when the
interaction's default rerun already covers what changed."""

from hypothesis import given
from hypothesis import strategies as st

from streamlit_redux.binding.reruns import APP, APP_DEFAULT, plan_reruns

KEYS = {"id-list": "list", "id-stats": "stats", "id-form": "form"}


def test_body_widget_whose_data_changed_takes_the_default_full_run():
    plan = plan_reruns({APP, "stats"}, origin=APP_DEFAULT, fragment_keys=KEYS)
    assert (plan.kind, plan.scopes) == ("default", (APP,))


def test_body_button_that_changed_only_fragment_data_reruns_just_those_fragments():
    plan = plan_reruns({"stats", "list"}, origin=APP_DEFAULT, fragment_keys=KEYS)
    assert (plan.kind, plan.scopes) == ("fragments", ("list", "stats"))


def test_widget_in_a_fragment_that_changed_only_its_own_data_needs_no_rerun_call():
    plan = plan_reruns({"form"}, origin=("id-form",), fragment_keys=KEYS)
    assert (plan.kind, plan.scopes) == ("default", ("form",))


def test_widget_in_a_fragment_that_changed_another_fragment_reruns_both():
    plan = plan_reruns({"form", "stats"}, origin=("id-form",), fragment_keys=KEYS)
    assert (plan.kind, plan.scopes) == ("fragments", ("form", "stats"))


def test_fragment_interaction_that_changed_body_data_reruns_the_app():
    plan = plan_reruns({APP}, origin=("id-form",), fragment_keys=KEYS)
    assert (plan.kind, plan.scopes) == ("app", (APP,))


def test_interaction_from_a_fragment_the_view_did_not_make_widens_to_the_app():
    plan = plan_reruns({"stats"}, origin=("id-foreign",), fragment_keys=KEYS)
    assert plan.kind == "app"


def test_without_keyed_reruns_a_fragment_change_from_the_body_takes_the_full_run():
    plan = plan_reruns({"stats"}, origin=APP_DEFAULT, fragment_keys=KEYS, keyed_reruns=False)
    assert (plan.kind, plan.scopes) == ("default", (APP,))


def test_nothing_changed_leaves_the_default():
    assert plan_reruns(set(), origin=("id-list",), fragment_keys=KEYS).kind == "default"


scopes = st.sampled_from([APP, "list", "stats", "form"])
origins = st.one_of(st.just(APP_DEFAULT), st.sampled_from(sorted(KEYS)).map(lambda i: (i,)))


@given(changed=st.sets(scopes), origin=origins, keyed=st.booleans())
def test_every_changed_scope_runs(changed, origin, keyed):
    plan = plan_reruns(changed, origin=origin, fragment_keys=KEYS, keyed_reruns=keyed)
    default = {APP} if not origin else {KEYS[i] for i in origin}
    ran = {"default": default, "app": {APP}, "fragments": set(plan.scopes)}[plan.kind]
    # A full run runs every scope; otherwise each changed scope must be among those run.
    assert APP in ran or changed <= ran
    if plan.kind == "fragments":
        assert keyed and APP not in changed
