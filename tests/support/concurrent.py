"""Send many requests at the same moment from several threads.

Every thread has its own test client and therefore its own database connection,
like the workers of gunicorn; a barrier lets them start together.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connections
from django.test import Client


def run_concurrently(requests, threads=20):
    """`requests`: callables taking a Client. Returns their responses in order."""
    barrier = threading.Barrier(min(threads, len(requests)))

    def worker(index):
        client = Client(raise_request_exception=False)
        try:
            if index < barrier.parties:
                barrier.wait(timeout=30)
            return requests[index](client)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(worker, range(len(requests))))
