# The Operations page (section 2.3) under xvfb-run.
uncrumple_add_test(ui_operations_page SOURCES operations/tst_operationspage.cpp LIBS uncrumple_ui)
