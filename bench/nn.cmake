# Training benchmark: the book's recipe on full MNIST (median s/epoch, GFLOP/s, test accuracy).
# bench/compare-train runs it beside the NumPy and PyTorch peers of ../shared/peer.
add_executable(bench_train trainbench.cpp)
target_link_libraries(bench_train PRIVATE uncrumple_core uncrumple_flags)
