"""Opening a journey's context: the host guard's route, the recorder's binding and its page script, sent together.

Why together: each is a call the driver answers, and one after another they were three round trips before the first
page could open; nothing orders them among themselves, only before that page (the page script must be in place before
the first navigation), and `prepare` returns once all three are answered, so the page opens after them as before. Sent
through the client's async side (the objects the sync API wraps, on its own loop, as every sync call runs); what a
Playwright of another shape does not take so goes through its public API, one call after another, as before.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from typing import Any

Route = tuple[Any, Callable[..., Any]]  # (URL pattern, handler), as `BrowserContext.route` takes them
Binding = tuple[str, Callable[..., Any]]  # (name, callback), as `BrowserContext.expose_binding` takes them


def prepare(context: Any, *, route: Route | None = None, binding: Binding | None = None,
            script: str | None = None) -> None:
    """Route, expose the binding and add the init script on `context`, all sent before any answer is awaited, and all
    answered when it returns."""
    impl: Any = getattr(context, "_impl_obj", None)
    wrap: Any = getattr(context, "_wrap_handler", None)
    run: Any = getattr(context, "_sync", None)
    parts: list[tuple[Callable[[], Any], Callable[[], Any]]] = []  # (the call on the async side, the public one)
    if route is not None:
        parts.append((lambda: impl.route(url=route[0], handler=wrap(route[1]), times=None),
                      lambda: context.route(*route)))
    if binding is not None:
        parts.append((lambda: impl.expose_binding(name=binding[0], callback=wrap(binding[1])),
                      lambda: context.expose_binding(*binding)))
    if script is not None:
        parts.append((lambda: impl.add_init_script(script=script, path=None),
                      lambda: context.add_init_script(script=script)))
    sent: list[Awaitable[Any]] = []
    left: list[Callable[[], Any]] = []
    for together, alone in parts:
        try:
            if impl is None or not callable(wrap) or not callable(run):
                raise AttributeError("not the sync API's shape")
            call = together()  # arguments this client does not take raise here, before anything is sent
        except (AttributeError, TypeError):
            left.append(alone)
            continue
        if inspect.isawaitable(call):
            sent.append(call)

    async def all_answered() -> None:
        # every answer awaited, an error too: the first error is raised once none is left unanswered (nor its own
        # error unread)
        errors = [r for r in await asyncio.gather(*sent, return_exceptions=True) if isinstance(r, BaseException)]
        if errors:
            raise errors[0]

    if sent:
        run(all_answered())
    for alone in left:
        alone()
