# The Uncrumple page's core: data sets, the network spec, layer-by-layer analysis. Like core/nn, no
# fused multiply-adds the code does not ask for, so the same seed gives the same bits in every build
# flavour (Release, the sanitizers).
set(_manifold_sources
    manifold/crumplewarp.cpp
    manifold/csvexport.cpp
    manifold/datakind.cpp
    manifold/featurespace.cpp
    manifold/decision.cpp
    manifold/generate.cpp
    manifold/labeledpoints.cpp
    manifold/lattice.cpp
    manifold/layerstack.cpp
    manifold/linearpath.cpp
    manifold/linearprobe.cpp
    manifold/network.cpp
    manifold/passage.cpp
    manifold/pca.cpp
    manifold/planar.cpp
    manifold/ridgeprobe.cpp
    manifold/sampling.cpp
    manifold/sheets.cpp
    manifold/solids.cpp)
target_sources(uncrumple_core PRIVATE ${_manifold_sources})
set_source_files_properties(${_manifold_sources} TARGET_DIRECTORY uncrumple_core
    PROPERTIES COMPILE_OPTIONS "-ffp-contract=off")
