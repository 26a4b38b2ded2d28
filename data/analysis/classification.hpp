#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace citytwin::data
{

/// How numeric values are split into classes for a graduated (choropleth) style.
enum class ClassMethod
{
    EqualInterval, ///< classes of equal width between the minimum and the maximum
    Quantile,      ///< classes holding about the same number of values
    NaturalBreaks, ///< Jenks-Fisher: classes with the least within-class variance
};

/// Returns the stable code of a method, as saved in projects: "equal", "quantile" or "jenks".
const char* classMethodCode(ClassMethod method);
/// Returns the method of a code written by classMethodCode(), or nothing for any other text.
std::optional<ClassMethod> parseClassMethod(std::string_view code);

/// Returns the class edges of values: classes + 1 strictly increasing numbers, the first the minimum, the last the
/// maximum, class i spanning [edges[i], edges[i + 1]) (the last class closed). NaN and infinite values are ignored.
///
/// - With fewer distinct values than classes, there are as many classes as distinct values.
/// - One distinct value v gives {v, v} (one class); no finite value gives an empty vector.
/// - Quantile and natural-breaks edges between two classes lie halfway between the largest value of the lower class
///   and the smallest of the upper one, so every value falls in the class it was assigned to and equal values always
///   share a class.
/// - classes below 1 count as 1.
std::vector<double> classBreaks(std::vector<double> values, int classes, ClassMethod method);

/// Returns the class (0 .. edges.size() - 2) of value among edges from classBreaks(): a value equal to an inner edge
/// belongs to the upper class, the maximum to the last class, and values outside the edges to the nearest class.
/// Returns -1 for NaN or when edges hold fewer than two numbers.
int classOf(double value, const std::vector<double>& edges);

} // namespace citytwin::data
