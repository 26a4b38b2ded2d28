# citytwin_add_test(NAME SOURCES ... LINKS ... LABELS ... [GL])
# Builds one Qt Test executable and registers it with CTest. Tests without GL run on Qt's offscreen
# platform; GL tests need an X display (make test runs CTest under xvfb-run -a).
function(citytwin_add_test name)
    cmake_parse_arguments(TEST "GL" "" "SOURCES;LINKS;LABELS" ${ARGN})
    add_executable(${name} ${TEST_SOURCES})
    target_link_libraries(${name} PRIVATE ${TEST_LINKS} citytwin_test_common Qt6::Test citytwin_warnings)
    target_compile_definitions(${name} PRIVATE
        CITYTWIN_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures"
        CITYTWIN_SHARED_DATA_DIR="${PROJECT_SOURCE_DIR}/../shared/data"
        CITYTWIN_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        CITYTWIN_TEST_OUTPUT_DIR="${CMAKE_BINARY_DIR}/test_output")
    add_test(NAME ${name} COMMAND ${name})
    if(TEST_GL)
        set(environment "LIBGL_ALWAYS_SOFTWARE=1;QT_SCALE_FACTOR=1;LC_ALL=C.UTF-8")
    else()
        set(environment "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8")
    endif()
    set_tests_properties(${name} PROPERTIES LABELS "${TEST_LABELS}" ENVIRONMENT "${environment}" TIMEOUT 300)
endfunction()
