# Sourced by build.sh and size.sh: how both shrink a release wasm, so the sizes make size prints
# are the sizes of the package make build writes. Run from the repository's root.
#
# shrink IN OUT [FLAGS...]: wasm-opt IN into OUT, with FLAGS added (size.sh adds -g for a copy
# that keeps its function names).

wasm_opt=.tools/node_modules/.bin/wasm-opt

# The WebAssembly features current rustc emits for wasm32-unknown-unknown by default (without
# them wasm-opt rejects e.g. memory.copy).
wasm_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
               --enable-mutable-globals --enable-reference-types --enable-multivalue)

# -Oz, then --flatten --rereloop (rebuilds the control flow of every function) and -Oz again:
# about 1.3 KB less gzip than -Oz alone. --low-memory-unused lets wasm-opt fold constant
# offsets into loads and stores: about 1.4 KB more. It holds for Rust's wasm32 output, whose
# stack takes the first megabyte and grows down from it: its lowest kilobyte would be touched
# only a kilobyte short of a stack overflow. (Measured with binaryen 132; --converge, -Oz
# twice, -Os, -O3 and --gufa each came out larger.)
wasm_passes=(-Oz --flatten --rereloop -Oz --low-memory-unused)

shrink() {
  local in=$1 out=$2
  shift 2
  "$wasm_opt" "${wasm_features[@]}" "${wasm_passes[@]}" "$@" "$in" -o "$out"
}
