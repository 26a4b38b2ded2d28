#include "data/incidents/field_mapping.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "data/core/date_time.hpp"
#include "data/project/schema.hpp"

namespace citytwin::data
{
namespace
{
namespace incidents = schema::incidents;

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// Column names seen in incident exports, per target field, most specific first.
const std::map<std::string, std::vector<std::string>>& synonyms()
{
    static const std::map<std::string, std::vector<std::string>> table = {
        {incidents::ExternalId,
         {incidents::ExternalId, "case_id", "case_no", "event_id", "id", "事件编号", "案件编号", "工单编号", "编号"}},
        {incidents::Source, {incidents::Source, "channel", "事件来源", "来源", "上报渠道", "渠道"}},
        {incidents::Category,
         {incidents::Category, "type", "event_type", "事件类型", "事件类别", "问题类型", "类别", "类型"}},
        {incidents::Status, {incidents::Status, "state", "事件状态", "状态", "处置状态"}},
        {incidents::ReportedAt,
         {incidents::ReportedAt, "report_time", "reported", "time", "datetime", "发生时间", "上报时间", "受理时间",
          "时间"}},
        {incidents::DispatchedAt, {incidents::DispatchedAt, "dispatch_time", "派遣时间", "派单时间"}},
        {incidents::HandledAt, {incidents::HandledAt, "handle_time", "处置时间", "处理时间"}},
        {incidents::ClosedAt, {incidents::ClosedAt, "close_time", "结案时间", "办结时间"}},
        {incidents::CameraId, {incidents::CameraId, "camera", "摄像头编号", "摄像机编号", "点位编号"}},
        {incidents::Address, {incidents::Address, "location", "地址", "发生地址", "位置"}},
        {incidents::Description,
         {incidents::Description, "content", "details", "描述", "事件描述", "问题描述", "内容"}},
        {"x", {"x", "lon", "lng", "long", "longitude", "easting", "经度", "横坐标"}},
        {"y", {"y", "lat", "latitude", "northing", "纬度", "纵坐标"}},
    };
    return table;
}
} // namespace

std::string FieldMapping::column(const std::string& target) const
{
    const auto found = columns.find(target);
    return found == columns.end() ? std::string() : found->second;
}

const std::vector<std::string>& incidentTargetFields()
{
    static const std::vector<std::string> fields = {incidents::ExternalId,
                                                    incidents::Source,
                                                    incidents::Category,
                                                    incidents::Status,
                                                    incidents::ReportedAt,
                                                    incidents::DispatchedAt,
                                                    incidents::HandledAt,
                                                    incidents::ClosedAt,
                                                    incidents::CameraId,
                                                    incidents::Address,
                                                    incidents::Description,
                                                    "x",
                                                    "y"};
    return fields;
}

Result<FieldMapping> parseFieldMapping(const std::string& text)
{
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return Error{ErrorCode::InvalidArgument, "the mapping profile is not a JSON object", {}};
    FieldMapping mapping;
    try
    {
        mapping.name = json.value("name", "");
        mapping.crs = json.value("crs", "");
        if (json.contains("utc_offset"))
        {
            const auto offset = parseUtcOffset(json["utc_offset"].get<std::string>());
            if (!offset)
                return Error{ErrorCode::InvalidArgument, "utc_offset must look like +08:00", {}};
            mapping.utcOffsetMinutes = *offset;
        }
        const auto& known = incidentTargetFields();
        // Keep each sub-object alive for its loop: items() only refers to it.
        const nlohmann::json columns = json.value("columns", nlohmann::json::object());
        const nlohmann::json values = json.value("values", nlohmann::json::object());
        const nlohmann::json defaults = json.value("defaults", nlohmann::json::object());
        for (const auto& [target, column] : columns.items())
        {
            if (std::find(known.begin(), known.end(), target) == known.end())
                return Error{ErrorCode::InvalidArgument, "unknown target field '" + target + "' in columns", {}};
            mapping.columns[target] = column.get<std::string>();
        }
        for (const auto& [target, table] : values.items())
            for (const auto& [from, to] : table.items())
                mapping.values[target][from] = to.get<std::string>();
        for (const auto& [target, value] : defaults.items())
            mapping.defaults[target] = value.get<std::string>();
    }
    catch (const nlohmann::json::exception& error)
    {
        return Error{ErrorCode::InvalidArgument, std::string("the mapping profile is malformed: ") + error.what(), {}};
    }
    return mapping;
}

std::string toJson(const FieldMapping& mapping)
{
    nlohmann::ordered_json json;
    json["name"] = mapping.name;
    if (!mapping.crs.empty())
        json["crs"] = mapping.crs;
    const int offset = mapping.utcOffsetMinutes;
    char text[16];
    std::snprintf(text, sizeof(text), "%c%02d:%02d", offset < 0 ? '-' : '+', std::abs(offset) / 60,
                  std::abs(offset) % 60);
    json["utc_offset"] = text;
    json["columns"] = nlohmann::ordered_json::object();
    for (const std::string& target : incidentTargetFields())
        if (const std::string column = mapping.column(target); !column.empty())
            json["columns"][target] = column;
    if (!mapping.values.empty())
        json["values"] = mapping.values;
    if (!mapping.defaults.empty())
        json["defaults"] = mapping.defaults;
    return json.dump(2);
}

FieldMapping guessFieldMapping(const std::vector<std::string>& sourceColumns)
{
    FieldMapping mapping;
    std::vector<bool> used(sourceColumns.size(), false);
    for (const std::string& target : incidentTargetFields())
    {
        for (const std::string& candidate : synonyms().at(target))
        {
            const auto found = std::find_if(
                sourceColumns.begin(), sourceColumns.end(),
                [&](const std::string& c) { return !used[&c - sourceColumns.data()] && lower(c) == lower(candidate); });
            if (found != sourceColumns.end())
            {
                mapping.columns[target] = *found;
                used[found - sourceColumns.begin()] = true;
                break;
            }
        }
    }
    return mapping;
}

} // namespace citytwin::data
