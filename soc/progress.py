"""A text progress bar for long commands (`soc seed`, `soc directory import`)."""

import time


class ProgressBar:
    """A text bar on stderr, redrawn after every step: `bar(done, total)`."""

    WIDTH = 30

    def __init__(self, stream, started=None, unit="families"):
        self.stream = stream
        self.started = time.monotonic() if started is None else started
        self.unit = unit
        self.live = getattr(stream, "isatty", lambda: False)()

    def __call__(self, done, total):
        share = done / total if total else 1
        filled = round(share * self.WIDTH)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        seconds = time.monotonic() - self.started
        line = f"[{bar}] {done:>9,}/{total:,} {self.unit}  {seconds:5.0f} s"
        if self.live:  # redraw in place; a log file gets one line per step
            self.stream.write("\r" + line, style_func=str, ending="\n" if done >= total else "")
            self.stream.flush()
        else:
            self.stream.write(line, style_func=str)
