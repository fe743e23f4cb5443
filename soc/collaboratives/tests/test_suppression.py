"""No published table lets a hidden count be worked out from its totals (hypothesis)."""

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soc.collaboratives import suppression
from soc.collaboratives.suppression import HIDDEN, SMALL_COUNT

CAP = 40  # the largest value a reader tries for a hidden count over 10 (values drawn stay below)


def _solutions(published, R, C):
    """Every filling of the hidden inner counts consistent with all published numbers."""
    grid = published.grid()
    hidden = [(i, j) for i in range(R) for j in range(C) if grid[i, j].is_hidden]

    def options(p):
        lo, hi = grid[p].bounds()
        return range(int(lo), int(min(hi, CAP)) + 1)

    def fits(cell, total):
        if not cell.is_hidden:
            return total == cell.value
        lo, hi = cell.bounds()
        return lo <= total <= hi

    known = {p: grid[p].value for p in grid if not grid[p].is_hidden and p[0] < R and p[1] < C}
    for filling in itertools.product(*(options(p) for p in hidden)):
        values = {**known, **dict(zip(hidden, filling, strict=True))}
        rows = [sum(values[i, j] for j in range(C)) for i in range(R)]
        cols = [sum(values[i, j] for i in range(R)) for j in range(C)]
        if (
            all(fits(grid[i, C], rows[i]) for i in range(R))
            and all(fits(grid[R, j], cols[j]) for j in range(C))
            and fits(grid[R, C], sum(rows))
        ):
            yield dict(zip(hidden, filling, strict=True))


@st.composite
def tables(draw):
    R = draw(st.integers(1, 2))
    C = draw(st.integers(1, 3))
    values = st.one_of(st.integers(0, 3), st.integers(1, 12), st.integers(11, 25))
    counts = {(r, c): draw(values) for r in range(R) for c in range(C)}
    return counts, R, C


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_no_hidden_count_can_be_worked_out_from_the_totals(drawn):
    counts, R, C = drawn
    published = suppression.table(counts, range(R), range(C))
    grid = published.grid()
    hidden = [(i, j) for i in range(R) for j in range(C) if grid[i, j].is_hidden]
    if len(hidden) > 4:  # too many to try every filling; the 2x2 and 1x3 cases cover the logic
        return
    seen = {p: set() for p in hidden}
    for solution in _solutions(published, R, C):
        for p, v in solution.items():
            seen[p].add(v)
    assert all(len(values) >= 2 for values in seen.values()), (counts, seen)


@given(st.dictionaries(st.tuples(st.integers(0, 3), st.integers(0, 3)), st.integers(0, 60)))
def test_every_count_from_1_to_10_is_hidden_and_every_shown_count_is_true(counts):
    published = suppression.table(counts, range(4), range(4))
    for (i, j), cell in published.grid().items():
        if i < 4 and j < 4:
            true = counts.get((i, j), 0)
        elif i < 4:
            true = sum(counts.get((i, c), 0) for c in range(4))
        elif j < 4:
            true = sum(counts.get((r, j), 0) for r in range(4))
        else:
            true = sum(counts.values())
        if 1 <= true <= 10:
            assert cell.state == SMALL_COUNT
        elif cell.state == HIDDEN:
            assert true > 10  # only counts over 10 are hidden to protect others
        else:
            assert cell.value == true


def test_a_single_small_count_reads_fewer_than_10():
    assert str(suppression.count(3)) == "fewer than 10"
    assert str(suppression.count(0)) == "0"
    assert str(suppression.count(11)) == "11"


def test_one_small_cell_in_a_row_hides_a_second_so_the_total_gives_nothing_away():
    published = suppression.table({("a", "x"): 4, ("a", "y"): 30, ("a", "z"): 50}, ["a"], "xyz")
    shown = [str(c) for c in published.lines()[0][1]]
    assert shown == ["fewer than 10", "hidden", "50"]
    assert published.row_totals["a"].value == 84


def test_periods_are_protected_like_columns():
    published = suppression.series({"2025": 3, "2026": 40}, ["2025", "2026"])
    assert published.total.value == 43
    assert [str(c) for c in published.lines()[0][1]] == ["fewer than 10", "hidden"]
