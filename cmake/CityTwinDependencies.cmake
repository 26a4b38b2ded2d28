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
# Compressed glTF and point clouds in 3D Tiles: Draco (KHR_draco_mesh_compression, 3DTILES_draco_point_compression)
# and meshoptimizer (EXT_meshopt_compression / KHR_meshopt_compression; the target meshoptimizer::meshoptimizer).
# Debian's tinygltf is built without its own Draco support, so we decode.
find_package(draco REQUIRED CONFIG)
find_package(meshoptimizer REQUIRED CONFIG)
# Link Draco only through citytwin::draco. Debian's libdraco.so.7 also exports a second, differently built copy of
# tinygltf (Draco's glTF transcoder). Where it comes before libtinygltf.so in the executable's load order, its
# tinygltf::TinyGLTF interposes ours, with another Model layout (a crash on the first glb); the static archive is
# no way out, as ld takes that copy from it to define stb_image symbols libtinygltf.so needs. CMake orders a link
# line by dependencies, not as listed: the dependency of TinyGLTF::TinyGLTF on draco::draco is what puts
# libtinygltf.so first (test_gltf_compressed checks where the glTF loader comes from).
set_property(TARGET TinyGLTF::TinyGLTF APPEND PROPERTY INTERFACE_LINK_LIBRARIES draco::draco)
add_library(citytwin_draco INTERFACE)
add_library(citytwin::draco ALIAS citytwin_draco)
target_link_libraries(citytwin_draco INTERFACE TinyGLTF::TinyGLTF draco::draco)
find_package(OpenSceneGraph 3.6 REQUIRED COMPONENTS osgDB osgGA osgUtil osgViewer osgText osgShadow)
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
