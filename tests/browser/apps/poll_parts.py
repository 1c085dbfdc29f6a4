"""The poll of the shared-store test apps: its slice, the run log and the tally fragment.

``?who=A`` names the session in the run log (the file ``RUN_LOG`` names, when set), one line
``<who> <scope>`` per run, so browser tests can see which scope reran. Imported by the apps as a
sibling module (``streamlit run`` puts the script's folder on ``sys.path``).
"""

import os

import streamlit as st

from streamlit_redux import create_slice

poll = create_slice(
    name="poll",
    initial_state={"tabs": 0, "spaces": 0},
    reducers={"voted": lambda s, a: s.set(a.payload, s[a.payload] + 1)},
)


def log_run(scope):
    if os.environ.get("RUN_LOG"):
        with open(os.environ["RUN_LOG"], "a") as log:
            log.write(f"{st.query_params.get('who', '?')} {scope}\n")


def tally_fragment(board):
    """The fragment (key "tally") that shows the votes in ``board`` and votes for tabs."""

    @board.fragment(key="tally")
    def tally():
        log_run("tally")
        votes = board.select(lambda s: s)
        st.write(f"tabs={votes['tabs']} spaces={votes['spaces']}")
        st.button("Vote tabs", on_click=board.dispatch, args=(poll.actions.voted("tabs"),))

    return tally
