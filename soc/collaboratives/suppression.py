"""Counts, never people: every count shown outside a family's team goes through this module.

A count from 1 to 10 is shown as "fewer than 10". In a table with totals, more cells are hidden
("complementary" cells) until no hidden count can be worked out from the totals of its row, its
column or the table: each hidden count must still have at least two possible values for a
reader who knows every published number, that a "fewer than 10" cell holds 1 to 10, and that
any other hidden cell holds more than 10. Periods are columns: a series with a total is a table
of one row.
"""

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

SMALL = range(1, 11)
SHOWN, SMALL_COUNT, HIDDEN = "shown", "small", "hidden"
FEWER_THAN_10 = _("fewer than 10")
HIDDEN_LABEL = _("hidden")


@dataclass(frozen=True)
class Count:
    """A count as published: its value, or None when it is hidden."""

    value: int | None
    state: str = SHOWN

    @property
    def is_hidden(self):
        return self.state != SHOWN

    def __str__(self):
        if self.state == SMALL_COUNT:
            return str(FEWER_THAN_10)
        if self.state == HIDDEN:
            return str(HIDDEN_LABEL)
        return str(self.value)

    def bounds(self):
        """What a reader knows about this count: (lowest, highest) possible value."""
        if self.state == SMALL_COUNT:
            return SMALL.start, SMALL.stop - 1
        if self.state == HIDDEN:
            return SMALL.stop, math.inf
        return self.value, self.value


def count(n):
    """One count on its own (no totals around it)."""
    return Count(None, SMALL_COUNT) if n in SMALL else Count(n)


@dataclass
class Table:
    """A published table: cells by (row, column) and totals, every one a `Count`."""

    rows: list
    cols: list
    cells: dict = field(default_factory=dict)
    row_totals: dict = field(default_factory=dict)
    col_totals: dict = field(default_factory=dict)
    total: Count = None

    def lines(self):
        """Rows for a template: (label, [cells in column order], row total)."""
        return [(r, [self.cells[r, c] for c in self.cols], self.row_totals[r]) for r in self.rows]

    def totals_line(self):
        return [self.col_totals[c] for c in self.cols]

    def grid(self):
        """{(i, j): Count} with the totals as row len(rows) and column len(cols)."""
        R, C = len(self.rows), len(self.cols)
        out = {}
        for i, r in enumerate(self.rows):
            for j, c in enumerate(self.cols):
                out[i, j] = self.cells[r, c]
            out[i, C] = self.row_totals[r]
        for j, c in enumerate(self.cols):
            out[R, j] = self.col_totals[c]
        out[R, C] = self.total
        return out


def _lines(R, C):
    """Each line of the grid as (interior positions, total position)."""
    for i in range(R + 1):
        yield [(i, j) for j in range(C)], (i, C)
    for j in range(C + 1):
        yield [(i, j) for i in range(R)], (R, j)


def recovered(grid, R, C):
    """Positions of hidden counts whose value the published numbers pin down, by tightening
    each count's possible range line by line until nothing changes (sound, not exhaustive:
    the property tests check it against every possibility on small tables)."""
    bounds = {pos: list(cell.bounds()) for pos, cell in grid.items()}
    lines = [line for line in _lines(R, C) if line[0]]
    changed = True
    while changed:
        changed = False
        for interior, total in lines:
            lo_sum = sum(bounds[p][0] for p in interior)
            hi_sum = sum(bounds[p][1] for p in interior)
            updates = {total: (lo_sum, hi_sum)}
            t_lo, t_hi = bounds[total]
            for p in interior:
                lo, hi = bounds[p]
                updates[p] = (t_lo - (hi_sum - hi), t_hi - (lo_sum - lo))
            for p, (lo, hi) in updates.items():
                if grid[p].is_hidden:
                    b = bounds[p]
                    if lo > b[0]:
                        b[0], changed = lo, True
                    if hi < b[1]:
                        b[1], changed = hi, True
    return [p for p, cell in grid.items() if cell.is_hidden and bounds[p][0] == bounds[p][1]]


def _complement(grid, values, pinned, R, C):
    """One more count to hide: of the counts over 10 in a line through a pinned count, the one
    that leaves the fewest counts pinned (then the smallest); None when none is left."""
    big = [p for p in grid if not grid[p].is_hidden and values[p] > SMALL.stop - 1]
    near = [p for p in big if any(p[0] == q[0] or p[1] == q[1] for q in pinned)] or big
    best, best_key = None, None
    for p in near:
        trial = {**grid, p: Count(None, HIDDEN)}
        key = (len(recovered(trial, R, C)), values[p], p)
        if best_key is None or key < best_key:
            best, best_key = p, key
    return best


def table(counts, rows, cols):
    """Publish {(row, col): n} with row, column and grand totals, small counts protected."""
    rows, cols = list(rows), list(cols)
    R, C = len(rows), len(cols)
    values = {}
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            values[i, j] = int(counts.get((r, c), 0))
        values[i, C] = sum(values[i, j] for j in range(C))
    for j in range(C + 1):
        values[R, j] = sum(values[i, j] for i in range(R))
    grid = {p: count(v) for p, v in values.items()}
    while pinned := recovered(grid, R, C):
        extra = _complement(grid, values, pinned, R, C)
        if extra is None:  # every count over 10 is hidden already; the rest are safe ranges
            break
        grid[extra] = Count(None, HIDDEN)
    result = Table(rows, cols, total=grid[R, C])
    for i, r in enumerate(rows):
        result.row_totals[r] = grid[i, C]
        for j, c in enumerate(cols):
            result.cells[r, c] = grid[i, j]
    for j, c in enumerate(cols):
        result.col_totals[c] = grid[R, j]
    return result


def series(counts_by_period, periods):
    """Counts over periods with their total (a table of one row)."""
    return table({("all", p): n for p, n in counts_by_period.items()}, ["all"], periods)
