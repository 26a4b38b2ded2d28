# The CTest fixture `sample_project`: writes the built-in sample district afresh into the build folder, once per
# CTest run, for the suites that read it (they get its path in CITYTWIN_TEST_SAMPLE).
# Run as: cmake -DCITYTWIN=<citytwin executable> -DOUT=<project file> -P write_sample.cmake
file(REMOVE "${OUT}")
get_filename_component(folder "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${folder}")
execute_process(COMMAND "${CITYTWIN}" sample --out "${OUT}" RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT EXISTS "${OUT}")
    message(FATAL_ERROR "citytwin sample --out ${OUT} failed (${status})")
endif()
