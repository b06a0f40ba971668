# The Uncrumple page's core (core/manifold): data sets; the layer-by-layer math (linear path,
# passage, PCA, probe, decision, export); training the defaults; and the manifold verb.
uncrumple_add_test(core_manifold_data SOURCES manifold/tst_manifolddata.cpp LIBS uncrumple_core)
uncrumple_add_test(core_manifold_layers SOURCES manifold/tst_manifoldlayers.cpp
    LIBS uncrumple_core)
# MNIST's hidden space: the ridge probe, a wide space by PCA, the first layer.
uncrumple_add_test(core_manifold_features SOURCES manifold/tst_featurespace.cpp LIBS uncrumple_core)
uncrumple_add_test(core_manifold_training SOURCES manifold/tst_manifoldtraining.cpp
    LIBS uncrumple_core)
add_test(NAME manifold_command_line
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/manifold/test-manifold-cli.sh $<TARGET_FILE:uncrumple>)
set_tests_properties(manifold_command_line PROPERTIES FAIL_REGULAR_EXPRESSION "FAIL: ")
