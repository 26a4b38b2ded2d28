#include "point_icons.hpp"

#include <algorithm>
#include <map>
#include <mutex>

#include <osg/AlphaFunc>
#include <osg/BlendFunc>
#include <osg/Point>
#include <osg/PointSprite>
#include <osg/Program>
#include <osg/Shader>
#include <osg/Texture2D>

namespace citytwin::scene
{
namespace
{
std::mutex gAtlasMutex;
std::shared_ptr<const PointIconAtlas> gAtlas;

// GLSL 1.20 (compatibility profile, as the rest of the scene): the size comes from the vertex, the icon
// from the atlas cell (the image's first data row is the top of the first icon row, and gl_PointCoord's y
// runs downwards, so no flip); black in the icon takes the vertex colour, white stays white.
constexpr const char* VertexShader = R"(#version 120
uniform float displayScale;
varying vec4 vColor;
varying float vIcon;
void main()
{
    gl_Position = ftransform();
    gl_PointSize = gl_MultiTexCoord0.y * displayScale;
    vColor = gl_Color;
    vIcon = gl_MultiTexCoord0.x;
}
)";

constexpr const char* FragmentShader = R"(#version 120
uniform sampler2D atlas;
uniform vec2 cells;
varying vec4 vColor;
varying float vIcon;
void main()
{
    float column = mod(floor(vIcon + 0.5), cells.x);
    float row = floor((floor(vIcon + 0.5) + 0.5) / cells.x);
    vec2 uv = (vec2(column, row) + gl_PointCoord) / cells;
    vec4 texel = texture2D(atlas, uv);
    if (texel.a < 0.02)
        discard;
    gl_FragColor = vec4(mix(vColor.rgb, vec3(1.0), texel.r), texel.a * vColor.a);
}
)";
} // namespace

int PointIconAtlas::indexOf(const std::string& name) const
{
    const auto found = std::find(names.begin(), names.end(), name);
    return found == names.end() ? -1 : static_cast<int>(found - names.begin());
}

void setPointIconAtlas(std::shared_ptr<const PointIconAtlas> atlas)
{
    const std::lock_guard lock(gAtlasMutex);
    gAtlas = std::move(atlas);
}

std::shared_ptr<const PointIconAtlas> pointIconAtlas()
{
    const std::lock_guard lock(gAtlasMutex);
    return gAtlas;
}

osg::ref_ptr<osg::StateSet> iconPointState(const PointIconAtlas& atlas)
{
    static std::map<const PointIconAtlas*, osg::ref_ptr<osg::StateSet>> states;
    const std::lock_guard lock(gAtlasMutex);
    if (auto found = states.find(&atlas); found != states.end())
        return found->second;

    osg::ref_ptr<osg::StateSet> state = new osg::StateSet;
    state->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    osg::ref_ptr<osg::Texture2D> texture = new osg::Texture2D(atlas.image.get());
    texture->setFilter(osg::Texture::MIN_FILTER, osg::Texture::LINEAR_MIPMAP_LINEAR);
    texture->setFilter(osg::Texture::MAG_FILTER, osg::Texture::LINEAR);
    texture->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_EDGE);
    texture->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_EDGE);
    state->setTextureAttributeAndModes(0, texture.get());
    state->setTextureAttributeAndModes(0, new osg::PointSprite, osg::StateAttribute::ON);
    state->setMode(GL_VERTEX_PROGRAM_POINT_SIZE, osg::StateAttribute::ON);

    osg::ref_ptr<osg::Program> program = new osg::Program;
    program->setName("CityTwinPointIcons");
    program->addShader(new osg::Shader(osg::Shader::VERTEX, VertexShader));
    program->addShader(new osg::Shader(osg::Shader::FRAGMENT, FragmentShader));
    state->setAttributeAndModes(program.get());
    state->addUniform(new osg::Uniform("atlas", 0));
    state->addUniform(new osg::Uniform(DisplayScaleUniform, 1.0f));
    const int rows = std::max<int>(1, (static_cast<int>(atlas.names.size()) + atlas.columns - 1) / atlas.columns);
    state->addUniform(
        new osg::Uniform("cells", osg::Vec2(static_cast<float>(atlas.columns), static_cast<float>(rows))));

    state->setMode(GL_BLEND, osg::StateAttribute::ON);
    state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
    // Icons are drawn after the scene and over it, like labels: a station inside a building, a camera on a wall
    // stay visible (their cut-out corners never hide anything either).
    state->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
    state->setRenderBinDetails(15, "RenderBin");
    states[&atlas] = state;
    return state;
}

} // namespace citytwin::scene
