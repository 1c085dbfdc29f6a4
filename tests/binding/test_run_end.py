"""The post-run collection stand-in and the outbox it waits on (the browser test
tests/browser/test_run_end_browser.py checks both on a real server)."""

import asyncio
import gc
import os
import subprocess
import sys
import threading
import weakref

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.forward_msg_queue import ForwardMsgQueue

from streamlit_redux.binding import run_end, runtime
from streamlit_redux.binding.outbox import Outbox


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collector_collects_outside_a_script_run_and_passes_the_rest_of_gc_through():
    collector = run_end._RunEndCollector()
    with pytest.raises(AssertionError):  # no script run on this thread: st.rerun returns
        runtime.rerun_app()
    garbage = _Cycle()
    alive = weakref.ref(garbage)
    del garbage
    gc.disable()
    try:
        collector.collect(2)
    finally:
        gc.enable()
    assert alive() is None
    assert collector.get_threshold() == gc.get_threshold()
    assert runtime.library_rerun_ended_this_run() is False  # read at every run end


def test_installed_streamlit_has_what_the_outbox_wraps():
    assert all(hasattr(AppSession, name) for name in ("flush_browser_queue", "on_flushed_messages_sent"))


@pytest.mark.parametrize(("setting", "replaced"), [(None, True), ("streamlit", False)])
def test_the_stand_in_goes_where_streamlit_collects_unless_opted_out(setting, replaced):
    env = {k: v for k, v in os.environ.items() if k != "STREAMLIT_REDUX_RUN_END"}
    if setting:
        env["STREAMLIT_REDUX_RUN_END"] = setting
    code = (
        "import gc\n"
        "from streamlit.runtime.scriptrunner import script_runner\n"
        "from streamlit_redux.binding import run_end\n"
        "run_end._install()\n"
        "print(script_runner.gc is not gc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(replaced)


class _Session:
    """The two AppSession methods the outbox wraps, over a real ForwardMsgQueue and loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._browser_queue = ForwardMsgQueue()
        self._event_loop = loop

    def flush_browser_queue(self) -> list[ForwardMsg]:
        return self._browser_queue.flush()

    def on_flushed_messages_sent(self) -> None:
        pass


@pytest.fixture
def session():
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield _Session(loop)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)
    loop.close()


def _message() -> ForwardMsg:
    msg = ForwardMsg()
    msg.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY
    return msg


def test_outbox_counts_a_batch_as_sent_only_after_the_loop_wrote_it(session):
    outbox = Outbox(session._browser_queue, session._event_loop)
    outbox._attach(session)
    assert outbox.all_sent()
    session._browser_queue.enqueue(_message())
    assert not outbox.all_sent()
    assert session.flush_browser_queue()  # the runtime loop took the batch ...
    assert not outbox.all_sent()  # ... and is still writing it
    session.on_flushed_messages_sent()
    assert outbox.all_sent()


def test_wait_sent_returns_once_the_loop_sends_and_gives_up_on_a_stuck_one(session):
    outbox = Outbox(session._browser_queue, session._event_loop)
    outbox._attach(session)
    session._browser_queue.enqueue(_message())
    assert outbox.wait_sent(0.05) is False  # nobody flushes

    def runtime_loop_flush() -> None:
        session.flush_browser_queue()
        session.on_flushed_messages_sent()

    session._event_loop.call_soon_threadsafe(runtime_loop_flush)
    assert outbox.wait_sent(5) is True


def test_wait_sent_gives_up_at_once_when_the_loop_is_closed():
    loop = asyncio.new_event_loop()
    loop.close()
    outbox = Outbox(ForwardMsgQueue(), loop)
    assert outbox.wait_sent(5) is False


def test_a_session_with_an_outbox_is_freed_as_soon_as_it_is_dropped(session):
    """No reference cycle through the wrappers: a dropped session goes at once, without
    waiting for a collection (the 20-session soak kept more stores alive with the cycle)."""
    dropped = _Session(session._event_loop)
    Outbox(dropped._browser_queue, dropped._event_loop)._attach(dropped)
    alive = weakref.ref(dropped)
    gc.disable()
    try:
        del dropped
        assert alive() is None
    finally:
        gc.enable()
