# The network engine: one QtTest executable for core/nn, one for the full-MNIST recipe (10-30 s,
# fails when MNIST is not installed, like test_mnist), and the train/evaluate/predict verbs.
uncrumple_add_test(test_nn SOURCES nn/test_nn.cpp LIBS uncrumple_core)
target_compile_definitions(test_nn PRIVATE
    UNCRUMPLE_SAMPLE_DIR="${PROJECT_SOURCE_DIR}/resources/mnist")
# Keras' progress line, character for character.
uncrumple_add_test(test_nn_kerasprogress SOURCES nn/test_nn_kerasprogress.cpp LIBS uncrumple_core)
uncrumple_add_test(test_nn_mnist SOURCES nn/test_nn_mnist.cpp LIBS uncrumple_core)
# About 3 s per seed in a release build; minutes under the sanitizers on a busy machine.
set_tests_properties(test_nn_mnist PROPERTIES TIMEOUT 3600)
set_property(TEST test_nn_mnist APPEND PROPERTY ENVIRONMENT QTEST_FUNCTION_TIMEOUT=1800000)
add_test(NAME nn_command_line
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/nn/test-nn-cli.sh $<TARGET_FILE:uncrumple>
        ${PROJECT_SOURCE_DIR}/resources/mnist)
set_tests_properties(nn_command_line PROPERTIES FAIL_REGULAR_EXPRESSION "FAIL: ")
