"""Everything the command line shows: one console factory, one JSON writer, one way
to put a stranger's text on screen (inert :class:`rich.text.Text`, never markup), and
a view module per command."""
