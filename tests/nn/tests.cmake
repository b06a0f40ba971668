# The network engine: core/nn in four QtTest executables (arithmetic and gradients, optimizers,
# training with evaluate/predict, model files) sharing the fixtures in nnfixtures.h, one for the
# full-MNIST recipe (10-30 s, fails when MNIST is not installed, like test_mnist), and the
# train/evaluate/predict verbs.
add_library(test_nn_fixtures STATIC nn/nnfixtures.cpp nn/nnfixtures.h)
target_link_libraries(test_nn_fixtures PUBLIC Qt6::Core uncrumple_core PRIVATE uncrumple_flags)
target_include_directories(test_nn_fixtures PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_definitions(test_nn_fixtures PRIVATE
    UNCRUMPLE_SAMPLE_DIR="${PROJECT_SOURCE_DIR}/resources/mnist")
uncrumple_add_test(test_nn_math SOURCES nn/test_nn_math.cpp LIBS test_nn_fixtures)
uncrumple_add_test(test_nn_optimizers SOURCES nn/test_nn_optimizers.cpp LIBS test_nn_fixtures)
uncrumple_add_test(test_nn_trainer SOURCES nn/test_nn_trainer.cpp LIBS test_nn_fixtures)
uncrumple_add_test(test_nn_modelfile SOURCES nn/test_nn_modelfile.cpp LIBS test_nn_fixtures)
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
