#pragma once

#include <cstdint>
#include <vector>

#include <osg/Object>
#include <osg/PrimitiveSet>

namespace citytwin::scene
{

/// Attached as user data to every geometry a layer builder makes: for each vertex, the index of the feature
/// (in its data::VectorLayer) it belongs to, and the primitive mode the vertices are drawn with.
class FeatureIds : public osg::Object
{
public:
    FeatureIds() = default;
    FeatureIds(const FeatureIds& other, const osg::CopyOp& copyOp = osg::CopyOp::SHALLOW_COPY)
        : osg::Object(other, copyOp), mode(other.mode), perVertex(other.perVertex)
    {
    }
    META_Object(citytwin, FeatureIds)

        /// GL_TRIANGLES, GL_LINES or GL_POINTS.
        GLenum mode = GL_TRIANGLES;
    std::vector<std::uint32_t> perVertex;
};

} // namespace citytwin::scene
