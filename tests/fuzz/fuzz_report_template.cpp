// libFuzzer target: a report template's JSON (a .json file given to `citytwin report --template`, or the
// citytwin_report_templates table) through ReportTemplate::fromJson and the round trip through toJson.

#include "fuzz_common.hpp"

#include "data/project/report_template.hpp"

namespace citytwin::fuzz
{
Outcome reportTemplate(std::string_view input)
{
    auto report = data::ReportTemplate::fromJson(std::string(input), "template.json");
    if (!report)
    {
        check(!report.error().detail.empty(), "a refused template says why");
        return Outcome::Refused;
    }
    const auto [width, height] = report->pageMillimetres();
    check(width > 0.0 && height > 0.0, "a read template has a page");
    const std::string written = report->toJson();
    auto again = data::ReportTemplate::fromJson(written, "template.json");
    check(again.ok(), "fromJson reads what toJson wrote");
    check(again->toJson() == written, "toJson(fromJson(toJson(t))) == toJson(t)");
    return Outcome::Accepted;
}
} // namespace citytwin::fuzz

CITYTWIN_FUZZ_TARGET(citytwin::fuzz::reportTemplate)
