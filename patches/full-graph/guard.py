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
        import inspect
        import paddle

        try:
            params = inspect.signature(paddle.jit.to_static).parameters.values()
            takes_kwargs = any(p.kind == p.VAR_KEYWORD for p in params)
        except (TypeError, ValueError):
            # No readable signature: fall back to the version string, where
            # 0.0.0 is a develop build (newest) and 2.5 added the keyword.
            version = str(getattr(paddle, "__version__", "0.0.0"))
            parts = (version.split(".") + ["0", "0"])[:2]
            numbers = []
            for part in parts:
                digits = ""
                for char in part:
                    if not char.isdigit():
                        break
                    digits += char
                numbers.append(int(digits or "0"))
            takes_kwargs = numbers == [0, 0] or numbers >= [2, 5]
        if takes_kwargs:
            return {"full_graph": True}
    except Exception:
        pass
    return {}
# <<< paddle-fullgraph-fix: full-graph guard <<<
