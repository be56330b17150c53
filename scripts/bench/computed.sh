# Sourced by the bench scripts: `start_computed BIN DIR PORT` starts `BIN serve --no-cache` (every page
# computed) on DIR/data and sets PID once it answers; it stops the script if the server exits first.
start_computed() {
  HELPATLAS_LOG=warn "$1" serve --data-dir "$2/data" --bind "127.0.0.1:$3" --no-cache > /dev/null 2>&1 &
  PID=$!
  # A server that exits (the port taken by a leftover one, say) would leave another answering.
  until curl -sf -o /dev/null "http://127.0.0.1:$3/healthz"; do
    kill -0 "$PID" 2>/dev/null || { echo "$1 exited before it was ready: is port $3 in use?" >&2; exit 1; }
    sleep 0.3
  done
}
