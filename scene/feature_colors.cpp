#include "feature_colors.hpp"

#include "feature_ids.hpp"

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/NodeVisitor>

namespace citytwin::scene
{
namespace
{
/// Calls back for every geometry whose colours are per vertex and that carries feature ids.
class ColoredGeometryVisitor : public osg::NodeVisitor
{
public:
    using Callback = std::function<void(osg::Geometry&, osg::Vec4Array&, const FeatureIds&)>;
    explicit ColoredGeometryVisitor(Callback callback)
        : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), mCallback(std::move(callback))
    {
    }

    void apply(osg::Geode& geode) override
    {
        for (unsigned int i = 0; i < geode.getNumDrawables(); ++i)
        {
            osg::Geometry* geometry = geode.getDrawable(i)->asGeometry();
            if (!geometry)
                continue;
            auto* colors = dynamic_cast<osg::Vec4Array*>(geometry->getColorArray());
            const auto* ids = dynamic_cast<const FeatureIds*>(geometry->getUserData());
            if (colors && ids && geometry->getColorArray()->getBinding() == osg::Array::BIND_PER_VERTEX &&
                colors->size() == ids->perVertex.size())
                mCallback(*geometry, *colors, *ids);
        }
    }

private:
    Callback mCallback;
};
} // namespace

std::size_t setFeatureColors(osg::Node& layerNode, const std::function<osg::Vec4(std::size_t feature)>& colorOf,
                             std::optional<GLenum> mode)
{
    std::size_t changed = 0;
    ColoredGeometryVisitor visitor(
        [&](osg::Geometry&, osg::Vec4Array& colors, const FeatureIds& ids)
        {
            if (mode && ids.mode != *mode)
                return;
            // Each vertex keeps its alpha (translucent fills stay translucent).
            for (std::size_t v = 0; v < colors.size(); ++v)
            {
                osg::Vec4 color = colorOf(ids.perVertex[v]);
                color.a() = colors[v].a();
                colors[v] = color;
            }
            changed += colors.size();
            colors.dirty();
        });
    layerNode.accept(visitor);
    return changed;
}

bool FeatureHighlight::set(osg::Node* layerNode, std::optional<std::size_t> feature, const osg::Vec4& color)
{
    // Restore what the previous highlight replaced.
    osg::ref_ptr<osg::Node> previous;
    if (mNode.lock(previous))
    {
        for (auto& [array, saved] : mSaved)
        {
            osg::Vec4Array* colors = array.get();
            for (const auto& [index, original] : saved)
                (*colors)[index] = original;
            colors->dirty();
        }
    }
    mSaved.clear();
    mNode = layerNode;
    mFeature = feature;
    if (!layerNode || !feature)
        return false;
    bool any = false;
    ColoredGeometryVisitor visitor(
        [&](osg::Geometry&, osg::Vec4Array& colors, const FeatureIds& ids)
        {
            std::vector<std::pair<unsigned int, osg::Vec4>> saved;
            for (std::size_t v = 0; v < colors.size(); ++v)
                if (ids.perVertex[v] == *feature)
                {
                    saved.push_back({static_cast<unsigned int>(v), colors[v]});
                    colors[v] = color;
                }
            if (!saved.empty())
            {
                colors.dirty();
                mSaved.push_back({osg::ref_ptr<osg::Vec4Array>(&colors), std::move(saved)});
                any = true;
            }
        });
    layerNode->accept(visitor);
    return any;
}

} // namespace citytwin::scene
