# Guard template for the "full-graph" patch of paddle-fullgraph-fix.
#
# Everything from the "begin" marker line to the "end" marker line is copied
# into each fixed file, once, at module level. The tool re-indents it to the
# file's indentation unit, converts its line endings and, in files that prefer
# single quotes, its string quotes; so keep every string here a plain
# double-quoted literal without quotes or backslashes inside, and keep quotes
# out of comments. This file is also imported as-is by the test-suite.

# >>> paddle-fullgraph-fix: full-graph guard >>>
# Paddle 2.6+ converts with SOT unless to_static gets full_graph=True, and an
# SOT-converted function raises on .main_program, .outputs and the like;
# Paddle 2.3/2.4 reject the keyword. This passes it only where it is accepted.
def _paddle_full_graph_kwargs():
    try:
        import paddle

        # A trial on a throwaway function: decorating converts nothing yet.
        paddle.jit.to_static(lambda: None, full_graph=True)
        return {"full_graph": True}
    except Exception:  # TypeError where the keyword is unknown (2.3, 2.4)
        return {}


# <<< paddle-fullgraph-fix: full-graph guard <<<
