"""Verifying every chain with several processes at once, on PostgreSQL.

Chains are independent of each other (soc/audit/log.py), so the log splits by chain: process k
of n checks the chains whose hash falls in share k, each in id order as `verify_chain` does.
The first bad event of the whole log is the first (lowest id) of the shares' first bad events:
a chain's first bad event is found by the process that owns that chain. Hashing is the cost
(about 11 µs an event in Python), so n processes on n cores verify in about 1/n of the time.
"""

import multiprocessing
import os

from django.db import connection, connections

from .log import Result, verify_chain


def _verify_share(k, n):
    try:
        return verify_chain(share=(k, n))
    finally:
        connections.close_all()


def verify_all(jobs=None):
    """Every chain, with `jobs` processes (default: one per core); one process elsewhere."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or connection.vendor != "postgresql" or connection.in_atomic_block:
        return verify_chain()
    connections.close_all()  # the children must not share this process's connection
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        shares = pool.starmap(_verify_share, [(k, jobs) for k in range(jobs)])
    checked = sum(share.checked for share in shares)
    chains = sum(share.chains for share in shares)
    broken = [share for share in shares if share.bad is not None]
    if not broken:
        return Result(checked, chains=chains)
    first = min(broken, key=lambda share: share.bad.pk)
    return Result(checked, first.bad, first.problem, chains)
