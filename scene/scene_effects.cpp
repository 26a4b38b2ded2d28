#include "scene_effects.hpp"

#include "view_defaults.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include <osg/BlendFunc>
#include <osg/Camera>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/Image>
#include <osg/Light>
#include <osg/LightSource>
#include <osg/Program>
#include <osg/Shader>
#include <osg/Texture2D>
#include <osg/Uniform>
#include <osgShadow/ShadowSettings>
#include <osgShadow/ShadowedScene>
#include <osgShadow/ViewDependentShadowMap>
#include <osgUtil/CullVisitor>

namespace citytwin::scene
{
namespace
{

/// The shadowed part's fragment shader: what fixed-function drawing gives (vertex colour or lighting times the
/// texture of unit 0, or the night's tint of imagery; linear fog at night), darkened where the shadow map says the
/// light does not reach. The vertex stage stays fixed-function (lighting, fog coordinate, the shadow's texgen).
constexpr const char* ShadowedFragment = R"(#version 120
uniform sampler2D citytwinBaseTexture;
uniform sampler2DShadow citytwinShadowTexture;
uniform vec2 citytwinShadowTexel;
uniform bool citytwinFogOn;
uniform vec4 citytwinImageryTint;
const float ShadowDarkness = 0.42;

float lightReaching()
{
    // 3x3 percentage-closer filtering: soft edges instead of stair steps.
    vec4 coord = gl_TexCoord[1];
    float sum = 0.0;
    for (int x = -1; x <= 1; ++x)
        for (int y = -1; y <= 1; ++y)
            sum += shadow2DProj(citytwinShadowTexture,
                                coord + vec4(vec2(float(x), float(y)) * citytwinShadowTexel * coord.w, 0.0, 0.0)).r;
    return sum / 9.0;
}

void main()
{
    vec4 texel = texture2D(citytwinBaseTexture, gl_TexCoord[0].xy);
    vec4 color = citytwinImageryTint.a > 0.5 ? vec4(texel.rgb * citytwinImageryTint.rgb, texel.a * gl_Color.a)
                                             : gl_Color * texel;
    color.rgb *= mix(1.0 - ShadowDarkness, 1.0, lightReaching());
    if (citytwinFogOn)
    {
        float fog = clamp((gl_Fog.end - gl_FogFragCoord) * gl_Fog.scale, 0.0, 1.0);
        color.rgb = mix(gl_Fog.color.rgb, color.rgb, fog);
    }
    gl_FragColor = color;
}
)";

/// Every full-screen pass's vertex shader: the quad's corners and texture coordinates.
constexpr const char* PassVertex = R"(#version 120
varying vec2 uv;
void main()
{
    uv = gl_MultiTexCoord0.xy;
    gl_Position = ftransform();
}
)";

/// The bright parts of the picture, at half size: what lies above the threshold, fading in over it.
constexpr const char* BrightFragment = R"(#version 120
uniform sampler2D citytwinSceneColor;
uniform float citytwinBloomThreshold;
varying vec2 uv;
void main()
{
    vec3 color = texture2D(citytwinSceneColor, uv).rgb;
    float brightest = max(color.r, max(color.g, color.b));
    gl_FragColor = vec4(color * smoothstep(citytwinBloomThreshold, 1.0, brightest), 1.0);
}
)";

/// One direction of a separable Gaussian blur (9 taps).
constexpr const char* BlurFragment = R"(#version 120
uniform sampler2D citytwinSource;
uniform vec2 citytwinStep;
varying vec2 uv;
void main()
{
    const float weights[5] = float[5](0.227027, 0.1945946, 0.1216216, 0.054054, 0.016216);
    vec3 sum = texture2D(citytwinSource, uv).rgb * weights[0];
    for (int i = 1; i < 5; ++i)
    {
        vec2 offset = citytwinStep * float(i) * 1.5;
        sum += (texture2D(citytwinSource, uv + offset).rgb + texture2D(citytwinSource, uv - offset).rgb) * weights[i];
    }
    gl_FragColor = vec4(sum, 1.0);
}
)";

/// The picture on the view: the scene, darkened in its creases (ambient occlusion from the depth: the share of
/// nearby pixels in front of this one, within a range relative to its distance so that it reads from a street and
/// from the whole district), plus the blurred bright parts. Alpha stays 1 (a picture, never see-through).
constexpr const char* CompositeFragment = R"(#version 120
uniform sampler2D citytwinSceneColor;
uniform sampler2D citytwinSceneDepth;
uniform sampler2D citytwinBloom;
uniform bool citytwinAoOn;
uniform bool citytwinBloomOn;
uniform vec2 citytwinNearFar;
uniform vec2 citytwinTexel;
uniform float citytwinAoRadius;
uniform float citytwinPixelSpan;
uniform float citytwinBloomStrength;
const int AoPairs = 8;
const float AoStrength = 0.85;
varying vec2 uv;

float distanceAt(vec2 where)
{
    float z = texture2D(citytwinSceneDepth, where).r * 2.0 - 1.0;
    float n = citytwinNearFar.x, f = citytwinNearFar.y;
    return 2.0 * n * f / (f + n - z * (f - n));
}

float occlusion()
{
    float depth = texture2D(citytwinSceneDepth, uv).r;
    if (depth >= 1.0)
        return 0.0;
    float here = distanceAt(uv);
    // A turn per pixel, so that the fixed spiral of samples does not print a pattern.
    float turn = fract(sin(dot(gl_FragCoord.xy, vec2(12.9898, 78.233))) * 43758.5453) * 6.2831853;
    float occluded = 0.0;
    for (int i = 0; i < AoPairs; ++i)
    {
        float angle = float(i) * 2.3999632 + turn;
        float radius = citytwinAoRadius * sqrt((float(i) + 0.5) / float(AoPairs));
        vec2 offset = vec2(cos(angle), sin(angle)) * radius * citytwinTexel;
        float a = distanceAt(uv + offset), b = distanceAt(uv - offset);
        // On a plane, the inverse distance is linear across the picture: two opposite samples average to this
        // pixel's. Where they come nearer than that, the surface bends towards the eye around it (a crease: a wall
        // meeting the ground, a courtyard). A sample far in front belongs to another object: no crease.
        // Measured against the samples' reach on the ground at this distance (metres), so that it reads alike from a
        // street and from the whole district.
        float reach = radius * here * citytwinPixelSpan;
        float bend = here - 2.0 / (1.0 / a + 1.0 / b);
        float inFront = max(here - a, here - b);
        occluded += smoothstep(0.1 * reach, 0.4 * reach, bend) * (1.0 - smoothstep(1.5 * reach, 3.0 * reach, inFront));
    }
    return occluded / float(AoPairs);
}

void main()
{
    vec3 color = texture2D(citytwinSceneColor, uv).rgb;
    if (citytwinAoOn)
        color *= 1.0 - AoStrength * occlusion();
    if (citytwinBloomOn)
        color += citytwinBloomStrength * texture2D(citytwinBloom, uv).rgb;
    gl_FragColor = vec4(color, 1.0);
}
)";

/// The render order of the passes that draw into textures, in the order they run.
enum PassOrder
{
    ScenePass,
    BrightPass,
    BlurAcross,
    BlurDown
};

osg::ref_ptr<osg::Program> program(const char* vertex, const char* fragment, const char* name)
{
    osg::ref_ptr<osg::Program> result = new osg::Program;
    result->setName(name);
    if (vertex)
        result->addShader(new osg::Shader(osg::Shader::VERTEX, vertex));
    result->addShader(new osg::Shader(osg::Shader::FRAGMENT, fragment));
    return result;
}

/// A bound that never counts: the passes' cameras must not enlarge the scene's bound (home view, near and far).
struct NoBound : osg::Node::ComputeBoundingSphereCallback
{
    osg::BoundingSphere computeBound(const osg::Node&) const override { return {}; }
};

osg::ref_ptr<osg::Texture2D> targetTexture(GLint format, GLenum pixelFormat, GLenum type, bool smooth)
{
    osg::ref_ptr<osg::Texture2D> texture = new osg::Texture2D;
    texture->setTextureSize(16, 16);
    texture->setInternalFormat(format);
    texture->setSourceFormat(pixelFormat);
    texture->setSourceType(type);
    const auto filter = smooth ? osg::Texture::LINEAR : osg::Texture::NEAREST;
    texture->setFilter(osg::Texture::MIN_FILTER, filter);
    texture->setFilter(osg::Texture::MAG_FILTER, filter);
    texture->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_EDGE);
    texture->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_EDGE);
    texture->setResizeNonPowerOfTwoHint(false);
    return texture;
}

/// A camera that draws into textures before the view (frame buffer object), in a given order.
osg::ref_ptr<osg::Camera> textureCamera(int order)
{
    osg::ref_ptr<osg::Camera> camera = new osg::Camera;
    camera->setRenderOrder(osg::Camera::PRE_RENDER, order);
    camera->setRenderTargetImplementation(osg::Camera::FRAME_BUFFER_OBJECT);
    camera->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
    camera->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
    camera->setAllowEventFocus(false);
    camera->setComputeBoundingSphereCallback(new NoBound);
    camera->setNodeMask(NotPickedMask);
    return camera;
}

/// A full-screen quad drawn by a program, seen through an orthographic camera of the unit square.
void addQuad(osg::Camera& camera, osg::Program* shader)
{
    camera.setProjectionMatrixAsOrtho2D(0.0, 1.0, 0.0, 1.0);
    camera.setViewMatrix(osg::Matrix::identity());
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    osg::ref_ptr<osg::Geometry> quad =
        osg::createTexturedQuadGeometry(osg::Vec3(0, 0, 0), osg::Vec3(1, 0, 0), osg::Vec3(0, 1, 0));
    quad->setCullingActive(false);
    geode->addDrawable(quad.get());
    camera.addChild(geode.get());
    osg::StateSet* state = camera.getOrCreateStateSet();
    state->setAttributeAndModes(shader, osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);
    state->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::OVERRIDE);
    state->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF | osg::StateAttribute::OVERRIDE);
    state->setMode(GL_BLEND, osg::StateAttribute::OFF | osg::StateAttribute::OVERRIDE);
    state->setMode(GL_FOG, osg::StateAttribute::OFF | osg::StateAttribute::OVERRIDE);
    state->setAttributeAndModes(new osg::Depth(osg::Depth::ALWAYS, 0.0, 1.0, false),
                                osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);
}

void bindTexture(osg::StateSet& state, unsigned int unit, osg::Texture2D* texture, const char* sampler)
{
    state.setTextureAttributeAndModes(unit, texture, osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);
    state.addUniform(new osg::Uniform(sampler, static_cast<int>(unit)));
}

/// The shadowed part under a view-dependent shadow map of the theme's light, drawn by ShadowedFragment.
osg::ref_ptr<osg::Node> shadowedScene(osg::Node* shadowed)
{
    constexpr int ShadowMapSize = 2048;
    osg::ref_ptr<osgShadow::ShadowSettings> settings = new osgShadow::ShadowSettings;
    settings->setLightNum(0);
    settings->setCastsShadowTraversalMask(CastsShadowMask);
    settings->setReceivesShadowTraversalMask(ReceivesShadowMask);
    settings->setBaseShadowTextureUnit(1);
    settings->setTextureSize(osg::Vec2s(ShadowMapSize, ShadowMapSize));
    settings->setShaderHint(osgShadow::ShadowSettings::NO_SHADERS);
    settings->setShadowMapProjectionHint(osgShadow::ShadowSettings::PERSPECTIVE_SHADOW_MAP);
    osg::ref_ptr<osgShadow::ShadowedScene> scene = new osgShadow::ShadowedScene(new osgShadow::ViewDependentShadowMap);
    scene->setName("citytwin.shadowed");
    scene->setShadowSettings(settings.get());
    scene->addChild(shadowed);

    osg::StateSet* state = scene->getOrCreateStateSet();
    state->setAttributeAndModes(program(nullptr, ShadowedFragment, "citytwin.shadowed").get());
    // Untextured drawing samples white: the shader's texture product leaves its colour as it is.
    osg::ref_ptr<osg::Image> white = new osg::Image;
    white->allocateImage(1, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE);
    std::fill_n(white->data(), 4, 255);
    osg::ref_ptr<osg::Texture2D> fallback = new osg::Texture2D(white.get());
    state->setTextureAttribute(0, fallback.get());
    state->addUniform(new osg::Uniform("citytwinBaseTexture", 0));
    state->addUniform(new osg::Uniform("citytwinShadowTexture", 1));
    state->addUniform(new osg::Uniform("citytwinShadowTexel", osg::Vec2(1.0f / ShadowMapSize, 1.0f / ShadowMapSize)));
    state->addUniform(new osg::Uniform(FogOnUniform, false));
    state->addUniform(new osg::Uniform(ImageryTintUniform, osg::Vec4(1.0f, 1.0f, 1.0f, 0.0f)));
    return scene;
}

/// The scene drawn into textures and back onto the view with ambient occlusion and bloom (buildEffects).
class PostProcess : public osg::Group
{
public:
    PostProcess(const Effects& effects, osg::Node* scene, Theme theme) : mTheme(theme)
    {
        setName("citytwin.effects");
        setCullingActive(false);
        mColor = targetTexture(GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, true);
        mDepth = targetTexture(GL_DEPTH_COMPONENT24, GL_DEPTH_COMPONENT, GL_UNSIGNED_INT, false);
        mScene = textureCamera(ScenePass);
        mScene->setName("citytwin.effects.scene");
        // Near and far fitted to what the pass draws, as the view's own camera does; the occlusion reads them back
        // (nearFarRecorder) to turn depth into distance.
        mScene->setComputeNearFarMode(osg::CullSettings::COMPUTE_NEAR_FAR_USING_BOUNDING_VOLUMES);
        mScene->setNearFarRatio(0.0002);
        mProjection = new ProjectionRecorder;
        mScene->setCullCallback(mProjection.get());
        mScene->setClearMask(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        mScene->setClearColor(themeClearColor(theme));
        mScene->attach(osg::Camera::COLOR_BUFFER, mColor.get());
        mScene->attach(osg::Camera::DEPTH_BUFFER, mDepth.get());
        // The theme's light as a light source of the pass: a pass drawing into a texture has no view light.
        osg::ref_ptr<osg::LightSource> light = new osg::LightSource;
        setThemeLight(*light->getLight(), theme);
        light->getLight()->setLightNum(0);
        light->setReferenceFrame(osg::LightSource::RELATIVE_RF);
        mScene->addChild(light.get());
        mScene->addChild(scene);
        mScene->setNodeMask(~0u); // the scene inside is picked; only the full-screen passes are not
        addChild(mScene.get());
        mTextures = {mColor, mDepth};
        mCameras = {mScene};

        if (effects.bloom)
            addBloom(theme);
        addComposite(effects);
    }

    void traverse(osg::NodeVisitor& visitor) override
    {
        if (auto* cull = visitor.asCullVisitor())
            follow(*cull);
        osg::Group::traverse(visitor);
    }

private:
    void addBloom(Theme theme)
    {
        mBloom = targetTexture(GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, true);
        mBloomBack = targetTexture(GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, true);
        mHalfTextures = {mBloom, mBloomBack};
        // The night's outlines and lit edges glow from a lower brightness than the day's sunlit roofs.
        const float threshold = theme == Theme::Night ? 0.6f : 0.93f;
        auto pass = [this](int order, osg::Texture2D* target, osg::Texture2D* source, const char* sampler,
                           osg::Program* shader)
        {
            osg::ref_ptr<osg::Camera> camera = textureCamera(order);
            camera->setClearMask(0);
            camera->attach(osg::Camera::COLOR_BUFFER, target);
            addQuad(*camera, shader);
            bindTexture(*camera->getOrCreateStateSet(), 0, source, sampler);
            addChild(camera.get());
            mHalfCameras.push_back(camera);
            return camera;
        };
        auto bright = pass(BrightPass, mBloom.get(), mColor.get(), "citytwinSceneColor",
                           program(PassVertex, BrightFragment, "citytwin.bloom.bright").get());
        bright->getOrCreateStateSet()->addUniform(new osg::Uniform("citytwinBloomThreshold", threshold));
        osg::ref_ptr<osg::Program> blur = program(PassVertex, BlurFragment, "citytwin.bloom.blur");
        auto across = pass(BlurAcross, mBloomBack.get(), mBloom.get(), "citytwinSource", blur.get());
        auto down = pass(BlurDown, mBloom.get(), mBloomBack.get(), "citytwinSource", blur.get());
        mStepAcross = new osg::Uniform("citytwinStep", osg::Vec2());
        mStepDown = new osg::Uniform("citytwinStep", osg::Vec2());
        across->getOrCreateStateSet()->addUniform(mStepAcross.get());
        down->getOrCreateStateSet()->addUniform(mStepDown.get());
    }

    void addComposite(const Effects& effects)
    {
        osg::ref_ptr<osg::Camera> composite = new osg::Camera;
        composite->setName("citytwin.effects.composite");
        composite->setRenderOrder(osg::Camera::NESTED_RENDER);
        composite->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
        composite->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
        composite->setClearMask(0);
        composite->setAllowEventFocus(false);
        composite->setComputeBoundingSphereCallback(new NoBound);
        composite->setNodeMask(NotPickedMask);
        addQuad(*composite, program(PassVertex, CompositeFragment, "citytwin.effects.composite").get());
        osg::StateSet* state = composite->getOrCreateStateSet();
        state->setRenderBinDetails(-100, "RenderBin");
        bindTexture(*state, 0, mColor.get(), "citytwinSceneColor");
        bindTexture(*state, 1, mDepth.get(), "citytwinSceneDepth");
        if (mBloom)
            bindTexture(*state, 2, mBloom.get(), "citytwinBloom");
        else
            state->addUniform(new osg::Uniform("citytwinBloom", 0));
        state->addUniform(new osg::Uniform("citytwinAoOn", effects.ambientOcclusion));
        state->addUniform(new osg::Uniform("citytwinBloomOn", effects.bloom));
        // By day the bright parts are sunlit roofs: a faint halo; at night the glow is the look.
        state->addUniform(new osg::Uniform("citytwinBloomStrength", mTheme == Theme::Night ? 0.8f : 0.45f));
        mNearFar = new osg::Uniform("citytwinNearFar", osg::Vec2(1.0f, 100000.0f));
        mTexel = new osg::Uniform("citytwinTexel", osg::Vec2());
        mAoRadius = new osg::Uniform("citytwinAoRadius", 8.0f);
        mPixelSpan = new osg::Uniform("citytwinPixelSpan", 0.001f);
        for (osg::Uniform* uniform : {mNearFar.get(), mTexel.get(), mAoRadius.get(), mPixelSpan.get()})
        {
            uniform->setDataVariance(osg::Object::DYNAMIC);
            state->addUniform(uniform);
        }
        composite->setCullCallback(new NearFarReader(mProjection.get(), mNearFar.get()));
        addChild(composite.get());
    }

    /// Sizes the textures to the view's and gives the scene pass the view's camera, with near and far around the
    /// content (the depth the occlusion reads is linearised with them).
    void follow(osgUtil::CullVisitor& cull)
    {
        const osg::Viewport* viewport = cull.getViewport();
        if (!viewport || viewport->width() < 1 || viewport->height() < 1)
            return;
        const int width = static_cast<int>(viewport->width()), height = static_cast<int>(viewport->height());
        if (width != mWidth || height != mHeight)
            resize(width, height);

        mScene->setViewMatrix(*cull.getModelViewMatrix());
        mScene->setProjectionMatrix(*cull.getProjectionMatrix());
        double fovy = 0.0, aspect = 0.0, nearPlane = 0.0, farPlane = 0.0;
        if (cull.getProjectionMatrix()->getPerspective(fovy, aspect, nearPlane, farPlane))
            // The width of a pixel one metre from the eye, metres.
            mPixelSpan->set(static_cast<float>(2.0 * std::tan(osg::DegreesToRadians(fovy) / 2.0) / height));
    }

    /// The scene pass's projection as the cull fits its near and far (after its content is culled, in place).
    struct ProjectionRecorder : osg::NodeCallback
    {
        void operator()(osg::Node* node, osg::NodeVisitor* visitor) override
        {
            if (auto* cull = visitor->asCullVisitor())
                projection = cull->getProjectionMatrix();
            traverse(node, visitor);
        }
        osg::ref_ptr<osg::RefMatrix> projection;
    };

    /// Gives the composite the near and far the scene pass was drawn with (culled before it).
    struct NearFarReader : osg::NodeCallback
    {
        NearFarReader(ProjectionRecorder* recorder, osg::Uniform* nearFar) : recorder(recorder), nearFar(nearFar) {}
        void operator()(osg::Node* node, osg::NodeVisitor* visitor) override
        {
            double fovy = 0.0, aspect = 0.0, nearPlane = 0.0, farPlane = 0.0;
            if (recorder->projection && recorder->projection->getPerspective(fovy, aspect, nearPlane, farPlane))
                nearFar->set(osg::Vec2(static_cast<float>(nearPlane), static_cast<float>(farPlane)));
            traverse(node, visitor);
        }
        osg::ref_ptr<ProjectionRecorder> recorder;
        osg::ref_ptr<osg::Uniform> nearFar;
    };

    void resize(int width, int height)
    {
        mWidth = width;
        mHeight = height;
        auto resizeAll = [](const auto& textures, const auto& cameras, int w, int h)
        {
            for (const osg::ref_ptr<osg::Texture2D>& texture : textures)
            {
                texture->setTextureSize(w, h);
                texture->dirtyTextureObject();
            }
            for (const osg::ref_ptr<osg::Camera>& camera : cameras)
            {
                camera->setViewport(0, 0, w, h);
                camera->dirtyAttachmentMap();
            }
        };
        resizeAll(mTextures, mCameras, width, height);
        const int halfWidth = std::max(1, width / 2), halfHeight = std::max(1, height / 2);
        resizeAll(mHalfTextures, mHalfCameras, halfWidth, halfHeight);
        if (mStepAcross)
        {
            mStepAcross->set(osg::Vec2(1.0f / halfWidth, 0.0f));
            mStepDown->set(osg::Vec2(0.0f, 1.0f / halfHeight));
        }
        mTexel->set(osg::Vec2(1.0f / width, 1.0f / height));
        // A crease's shading reaches about 1.2 % of the view's height, whatever the screen.
        mAoRadius->set(std::max(4.0f, 0.012f * height));
    }

    Theme mTheme;
    osg::ref_ptr<ProjectionRecorder> mProjection;
    osg::ref_ptr<osg::Texture2D> mColor, mDepth, mBloom, mBloomBack;
    osg::ref_ptr<osg::Camera> mScene;
    std::vector<osg::ref_ptr<osg::Texture2D>> mTextures, mHalfTextures;
    std::vector<osg::ref_ptr<osg::Camera>> mCameras, mHalfCameras;
    osg::ref_ptr<osg::Uniform> mNearFar, mTexel, mAoRadius, mPixelSpan, mStepAcross, mStepDown;
    int mWidth = 0;
    int mHeight = 0;
};

} // namespace

std::string effectsCode(const Effects& effects)
{
    std::string code;
    auto add = [&code](bool on, const char* name)
    {
        if (on)
            code += (code.empty() ? "" : ",") + std::string(name);
    };
    add(effects.shadows, "shadows");
    add(effects.ambientOcclusion, "ao");
    add(effects.bloom, "bloom");
    return code.empty() ? "none" : code;
}

std::optional<Effects> effectsFromCode(std::string_view code)
{
    Effects effects;
    bool named = false;
    std::size_t start = 0;
    while (start <= code.size())
    {
        const std::size_t comma = std::min(code.find(',', start), code.size());
        std::string_view name = code.substr(start, comma - start);
        while (!name.empty() && std::isspace(static_cast<unsigned char>(name.front())))
            name.remove_prefix(1);
        while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back())))
            name.remove_suffix(1);
        if (name == "shadows")
            effects.shadows = true;
        else if (name == "ao")
            effects.ambientOcclusion = true;
        else if (name == "bloom")
            effects.bloom = true;
        else if (name == "all")
            effects = AllEffects;
        else if (name != "none")
            return std::nullopt;
        named = true;
        start = comma + 1;
    }
    if (!named)
        return std::nullopt;
    return effects;
}

bool isSoftwareRenderer(std::string_view rendererName)
{
    std::string lower(rendererName);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* name : {"llvmpipe", "softpipe", "swrast", "software rasterizer", "swiftshader", "lavapipe",
                             "microsoft basic render"})
        if (lower.find(name) != std::string::npos)
            return true;
    return false;
}

osg::ref_ptr<osg::Group> buildEffects(const Effects& effects, const EffectsInput& input)
{
    osg::ref_ptr<osg::Group> scene = new osg::Group;
    scene->setName("citytwin.content");
    if (input.background)
        scene->addChild(input.background.get());
    if (input.shadowed)
        scene->addChild(effects.shadows ? shadowedScene(input.shadowed.get()).get() : input.shadowed.get());
    if (input.plain)
        scene->addChild(input.plain.get());
    if (!effects.ambientOcclusion && !effects.bloom)
        return scene;
    return new PostProcess(effects, scene.get(), input.theme);
}

} // namespace citytwin::scene
