"""Starts localstripe (a stateful fake Stripe server from PyPI) for the
tests: on loopback only, at the port given, keeping nothing on disk.

Usage: run_localstripe.py PORT

localstripe's own command listens on every interface and writes its whole
store to /tmp/localstripe.pickle after each change, which several servers
running at once would share; this starts the same application without
either.
"""

import socket
import sys

from aiohttp import web
from localstripe import resources
from localstripe.server import app


def main() -> None:
    port = int(sys.argv[1])
    # Each test server keeps its objects in memory only.
    resources.Store.dump_to_disk = lambda self: None
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    web.run_app(app, sock=sock, print=None, access_log=None)


if __name__ == "__main__":
    main()
