# Fails when a file includes what its folder must not (the rules of the folder READMEs and shared/architecture.md):
# - data/ includes no Qt and no OSG; scene/ includes no Qt;
# - data/ and scene/ include nothing from the layers above them (scene/, app/);
# - inside data/: core <- geo <- io <- project <- incidents <- analysis, never the other way; sample may use all;
#   every data source lives in one of those sub-systems;
# - app/cli and app/gui never include each other; app/common and app/viewport include neither.
# Run as: cmake -DSOURCE_DIR=... -P layering_check.cmake
cmake_policy(VERSION 3.21)
set(violations "")

# Every "#include" line of the C++ files below a folder, as "file: line" items in the named list.
function(collect_includes folder out)
    file(GLOB_RECURSE files "${SOURCE_DIR}/${folder}/*.hpp" "${SOURCE_DIR}/${folder}/*.cpp")
    set(items "")
    foreach(file IN LISTS files)
        file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include")
        file(RELATIVE_PATH relative "${SOURCE_DIR}" "${file}")
        foreach(line IN LISTS includes)
            string(REPLACE ";" "" line "${line}")
            list(APPEND items "${relative}|${line}")
        endforeach()
    endforeach()
    set(${out} "${items}" PARENT_SCOPE)
endfunction()

# Adds a violation for every include line below folder that contains one of the patterns.
function(forbid folder reason)
    collect_includes("${folder}" items)
    foreach(item IN LISTS items)
        string(REPLACE "|" ";" parts "${item}")
        list(GET parts 0 file)
        list(GET parts 1 line)
        foreach(pattern IN LISTS ARGN)
            string(FIND "${line}" "include ${pattern}" found)
            if(NOT found EQUAL -1)
                list(APPEND violations "${file}: ${line}  (${reason})")
            endif()
        endforeach()
    endforeach()
    set(violations "${violations}" PARENT_SCOPE)
endfunction()

forbid(data "data/ includes no Qt and no OSG" "<Q" "\"Q" "<osg" "\"osg" "<Qt" "QtCore" "QtGui" "QtWidgets")
forbid(data "data/ knows nothing of the layers above it" "\"scene/" "\"app/")
forbid(scene "scene/ includes no Qt" "<Q" "\"Q" "<Qt" "QtCore" "QtGui" "QtWidgets")
forbid(scene "scene/ knows nothing of app/" "\"app/")
forbid(app/cli "app/cli and app/gui never include each other" "\"app/gui/")
forbid(app/gui "app/cli and app/gui never include each other" "\"app/cli/")
forbid(app/common "app/common serves cli and gui and includes neither" "\"app/cli/" "\"app/gui/")
forbid(app/viewport "app/viewport is the Qt-OSG bridge only" "\"app/cli/" "\"app/gui/")

# Inside data/: a sub-system includes only itself and the ones before it in this order.
set(order core geo io project incidents analysis)
list(JOIN order " <- " chain)
list(LENGTH order count)
math(EXPR last "${count} - 1")
foreach(index RANGE ${last})
    list(GET order ${index} subsystem)
    set(above "")
    math(EXPR next "${index} + 1")
    if(next LESS_EQUAL last)
        foreach(higher RANGE ${next} ${last})
            list(GET order ${higher} name)
            list(APPEND above "\"data/${name}/")
        endforeach()
    endif()
    list(APPEND above "\"data/sample/")
    forbid("data/${subsystem}" "inside data/: ${chain}: ${subsystem} includes nothing to its right" ${above})
endforeach()

# Every data source belongs to a sub-system.
file(GLOB loose "${SOURCE_DIR}/data/*.hpp" "${SOURCE_DIR}/data/*.cpp")
foreach(file IN LISTS loose)
    file(RELATIVE_PATH relative "${SOURCE_DIR}" "${file}")
    list(APPEND violations "${relative}: lies directly in data/ (put it in core, geo, io, project, incidents, analysis or sample)")
endforeach()
file(GLOB subfolders LIST_DIRECTORIES true "${SOURCE_DIR}/data/*")
foreach(folder IN LISTS subfolders)
    get_filename_component(name "${folder}" NAME)
    if(IS_DIRECTORY "${folder}" AND NOT name IN_LIST order AND NOT name STREQUAL "sample")
        list(APPEND violations "data/${name}/: not a known sub-system of data/ (extend tests/layering_check.cmake)")
    endif()
endforeach()

if(violations)
    list(JOIN violations "\n" text)
    message(FATAL_ERROR "Layering violations:\n${text}")
endif()
message(STATUS "layering: data/, scene/ and app/ keep their rules")
