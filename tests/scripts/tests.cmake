# Scripts and the command line, driven as a user's shell would drive them.
add_test(NAME fetch_mnist_script COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/scripts/test-fetch-mnist.sh)
add_test(NAME command_line COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/scripts/test-cli.sh $<TARGET_FILE:uncrumple>)
set_tests_properties(fetch_mnist_script command_line PROPERTIES FAIL_REGULAR_EXPRESSION "FAIL: ")
add_test(NAME eval_command COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/scripts/test-eval.sh $<TARGET_FILE:uncrumple>)
set_tests_properties(eval_command PROPERTIES FAIL_REGULAR_EXPRESSION "FAIL: ")
