# The network engine. Its kernels choose where multiply-adds are fused (simd.h); the compiler must not
# fuse others on its own, or results would depend on where a loop's vector part ends.
set(_nn_sources
    nn/activation.cpp
    nn/atomicfile.cpp
    nn/dataset.cpp
    nn/denormals.cpp
    nn/engine.cpp
    nn/evaluator.cpp
    nn/inference.cpp
    nn/kerasprogress.cpp
    nn/kernels.cpp
    nn/layer.cpp
    nn/loss.cpp
    nn/matrix.cpp
    nn/model.cpp
    nn/optimizer.cpp
    nn/random.cpp
    nn/serialization.cpp
    nn/threadpool.cpp
    nn/trainer.cpp)
target_sources(uncrumple_core PRIVATE ${_nn_sources})
set_source_files_properties(${_nn_sources} TARGET_DIRECTORY uncrumple_core
    PROPERTIES COMPILE_OPTIONS "-ffp-contract=off")
