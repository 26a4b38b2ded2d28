# Finds every third-party dependency once, by imported target.
find_package(GDAL 3.4 REQUIRED)
find_package(PROJ REQUIRED CONFIG)
if(PROJ_VERSION VERSION_LESS 8)
    message(FATAL_ERROR "PROJ 8 or newer is needed (found ${PROJ_VERSION})")
endif()
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
# CityGML 1.0 / 2.0 (libcitygml, which parses with Xerces-C): the target citygml::citygml.
find_package(citygml 2.3 REQUIRED CONFIG)
# The fuzz build (CITYTWIN_FUZZ) builds citytwin_data alone: no glTF, OSG or Qt.
if(CITYTWIN_FUZZ)
    return()
endif()
# glTF for 3D Tiles content. Debian ships it as a shared library (the implementation and stb_image built in),
# so no source file defines TINYGLTF_IMPLEMENTATION (see /usr/share/doc/libtinygltf-dev/README.Debian).
find_package(TinyGLTF REQUIRED CONFIG)
find_package(OpenSceneGraph 3.6 REQUIRED COMPONENTS osgDB osgGA osgUtil osgViewer osgText)
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets OpenGL OpenGLWidgets Concurrent Svg Charts LinguistTools Test)

# OSG must use double matrices: the scene keeps Gauss-Krueger magnitudes in matrices.
file(READ "${OSG_INCLUDE_DIR}/osg/Config" _citytwin_osg_config)
if(_citytwin_osg_config MATCHES "\n#define OSG_USE_FLOAT_MATRIX")
    message(FATAL_ERROR "OpenSceneGraph was built with OSG_USE_FLOAT_MATRIX; CityTwin needs double matrices")
endif()

add_library(citytwin_osg INTERFACE)
add_library(citytwin::osg ALIAS citytwin_osg)
target_include_directories(citytwin_osg SYSTEM INTERFACE ${OPENSCENEGRAPH_INCLUDE_DIRS})
target_link_libraries(citytwin_osg INTERFACE ${OPENSCENEGRAPH_LIBRARIES})
