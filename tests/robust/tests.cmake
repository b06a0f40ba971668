# The monkey test: random actions on every page of the real window (see tst_monkey.cpp). Two
# minutes in the sanitizer build, as CI runs it; 20 seconds in the normal suite. Longer:
# UNCRUMPLE_MONKEY_SECONDS=3600 build/tests/ui_monkey (under xvfb-run).
uncrumple_add_test(ui_monkey GL
    SOURCES robust/tst_monkey.cpp robust/monkey.cpp robust/monkey.h
    LIBS uncrumple_ui)
if(UNCRUMPLE_SANITIZE)
    set(_monkey_seconds 120)
    set(_monkey_limit_ms 600) # ASan + UBSan slow the GUI's own work two to three times
else()
    set(_monkey_seconds 20)
    set(_monkey_limit_ms 200)
endif()
set_tests_properties(ui_monkey PROPERTIES TIMEOUT 900
    ENVIRONMENT "QTEST_DISABLE_STACK_DUMP=1;UNCRUMPLE_MONKEY_SECONDS=${_monkey_seconds};UNCRUMPLE_MONKEY_LIMIT_MS=${_monkey_limit_ms}")

# Nothing lost: recipe, drawing and transform chain survive errors; failed saves keep the old file.
uncrumple_add_test(ui_nothing_lost GL SOURCES robust/test_nothinglost.cpp LIBS uncrumple_ui)
