"""What the web app lets in: request sizes, uploads, queue length, concurrency, threads, the address.

The app faces whoever can reach its port. It takes questions of a few hundred characters and has
no file input, so a request body is small, an upload is never legitimate, and a request that must
wait behind many others is better told "busy" at once than left waiting.
"""

from __future__ import annotations

import os
import socket

#: The largest request body accepted (a 500-character question, JSON-escaped, is under 4 KB).
MAX_BODY_BYTES = 64 * 1024
#: Requests waiting in the queue beyond those running; one more is answered "busy" (HTTP 503) at once.
QUEUE_MAX_SIZE = 64
#: Requests answered at once: the search only reads the index, so several may run side by side.
CONCURRENCY = 4
#: Uploads refused outright: the page has no file input.
MAX_FILE_SIZE = "1b"
BUSY_MESSAGE = "服务器繁忙,请稍后再试 (server busy, please retry)"
TOO_LARGE_MESSAGE = "请求太大 (request body too large)"
NO_UPLOADS_MESSAGE = "本服务不接受上传文件 (uploads are not accepted)"
ANY_ADDRESS = ("0.0.0.0", "::", "")


def bound_threads(concurrency: int = CONCURRENCY) -> int:
    """Cap the math libraries' threads so that ``concurrency`` requests share the cores, not fight over them.

    Set before the model is loaded (torch reads these variables when it starts); variables the user
    set are kept. Returns the threads each request may use.
    """
    per_request = max(1, (os.cpu_count() or 1) // max(1, concurrency))
    for variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(variable, str(per_request))
    return per_request


def address_notice(host: str, port: int) -> tuple[str, str | None]:
    """The address to open in a browser for ``host``, and a warning when the app is open to the network."""
    if host in ANY_ADDRESS:
        warning = (
            f"警告: 应用在所有网络接口上监听({host or '*'}:{port}),同一网络中的任何人都能访问;"
            "仅本机使用请去掉 --host 或用 --host 127.0.0.1"
        )
        return f"http://{_lan_address()}:{port}", warning
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}", None


def _lan_address() -> str:
    """This machine's address as others on the network reach it (no packet is sent)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: only picks the outgoing interface
            return probe.getsockname()[0]
    except OSError:
        return socket.gethostname()


class BodyLimit:
    """ASGI middleware: refuse uploads, and bodies over ``max_bytes``, before the app reads them.

    A declared Content-Length over the limit is refused unread. A body without one (chunked) is
    read up to the limit and refused as soon as it passes it, so no request holds more than
    ``max_bytes`` in memory; a body within the limit is handed on unchanged.
    """

    def __init__(self, app, max_bytes: int = MAX_BODY_BYTES):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        if scope["path"].rstrip("/").endswith("/upload"):
            return await _refuse(send, 413, NO_UPLOADS_MESSAGE)
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None:
            if not length.isdigit() or int(length) > self.max_bytes:
                return await _refuse(send, 413, TOO_LARGE_MESSAGE)
            return await self.app(scope, receive, send)
        messages, size = [], 0
        while True:
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                return await _refuse(send, 413, TOO_LARGE_MESSAGE)
            if message["type"] != "http.request" or not message.get("more_body"):
                break
        return await self.app(scope, _replay(messages, receive), send)


def _replay(messages, receive):
    async def replayed():
        return messages.pop(0) if messages else await receive()

    return replayed


async def _refuse(send, status: int, message: str) -> None:
    body = message.encode("utf-8")
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers + [(b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
