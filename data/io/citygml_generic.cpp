#include "data/io/citygml_generic.hpp"

#include <fstream>
#include <memory>

#include <xercesc/sax2/Attributes.hpp>
#include <xercesc/sax2/DefaultHandler.hpp>
#include <xercesc/sax2/SAX2XMLReader.hpp>
#include <xercesc/sax2/XMLReaderFactory.hpp>
#include <xercesc/util/PlatformUtils.hpp>
#include <xercesc/util/SecurityManager.hpp>
#include <xercesc/util/XMLString.hpp>

namespace citytwin::data
{
namespace
{
constexpr const char* GenericNamespacePrefix = "http://www.opengis.net/citygml/generics/";

std::string utf8(const XMLCh* text)
{
    if (!text)
        return {};
    // Xerces' transcode goes through the locale's code page; UTF-8 is what the attribute table holds.
    std::string out;
    for (const XMLCh* c = text; *c; ++c)
    {
        char32_t code = *c;
        if (code >= 0xD800 && code <= 0xDBFF && c[1] >= 0xDC00 && c[1] <= 0xDFFF)
        {
            code = 0x10000 + ((code - 0xD800) << 10) + (c[1] - 0xDC00);
            ++c;
        }
        if (code < 0x80)
            out += static_cast<char>(code);
        else if (code < 0x800)
        {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
        else if (code < 0x10000)
        {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
        else
        {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }
    return out;
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

/// Whether the file mentions either element the pass reads: a byte scan, much cheaper than a parse.
bool mentionsSkippedElements(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    static const std::string names[] = {"measureAttribute", "genericAttributeSet"};
    std::string window;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
    {
        window.append(buffer, static_cast<std::size_t>(in.gcount()));
        for (const std::string& name : names)
            if (window.find(name) != std::string::npos)
                return true;
        window.erase(0, window.size() > 32 ? window.size() - 32 : 0);
    }
    return false;
}

class GenericHandler : public xercesc::DefaultHandler
{
public:
    explicit GenericHandler(GenericAttributesById& out) : mOut(out) {}

    void startElement(const XMLCh* uri, const XMLCh* localName, const XMLCh*,
                      const xercesc::Attributes& attributes) override
    {
        const std::string name = utf8(localName);
        std::string id;
        for (XMLSize_t i = 0; i < attributes.getLength(); ++i)
            if (utf8(attributes.getLocalName(i)) == "id" && utf8(attributes.getURI(i)).find("opengis.net/gml") !=
                                                                   std::string::npos)
                id = utf8(attributes.getValue(i));
        mIds.push_back(id);
        const bool generic = utf8(uri).rfind(GenericNamespacePrefix, 0) == 0;
        if (!generic)
            return;
        const std::string attributeName = utf8(attributes.getValue(u"name"));
        if (name == "genericAttributeSet")
            mSets.push_back(attributeName);
        else if (name == "measureAttribute" || (!mSets.empty() && name.size() > 9 &&
                                                 name.compare(name.size() - 9, 9, "Attribute") == 0))
        {
            mAttribute = attributeName;
            mInAttribute = true;
            mUnit.clear();
        }
        else if (name == "value" && mInAttribute)
        {
            mInValue = true;
            mText.clear();
            mUnit = unitOfMeasure(utf8(attributes.getValue(u"uom")));
        }
    }

    void characters(const XMLCh* chars, const XMLSize_t length) override
    {
        if (mInValue && mText.size() < 4096)
            mText += utf8(std::u16string(chars, chars + length).c_str());
    }

    void endElement(const XMLCh* uri, const XMLCh* localName, const XMLCh*) override
    {
        mIds.pop_back();
        if (utf8(uri).rfind(GenericNamespacePrefix, 0) != 0)
            return;
        const std::string name = utf8(localName);
        if (name == "value" && mInValue)
        {
            mInValue = false;
            std::string value = trimmed(mText);
            if (!mUnit.empty())
                value += " " + mUnit;
            std::string fullName;
            for (const std::string& set : mSets)
                fullName += set + ": ";
            fullName += mAttribute;
            if (const std::string owner = ownerId(); !owner.empty() && !mAttribute.empty())
                mOut[owner].emplace_back(fullName, value);
        }
        else if (name == "genericAttributeSet" && !mSets.empty())
            mSets.pop_back();
        else if (name.size() > 9 && name.compare(name.size() - 9, 9, "Attribute") == 0)
            mInAttribute = false;
    }

private:
    std::string ownerId() const
    {
        for (auto at = mIds.rbegin(); at != mIds.rend(); ++at)
            if (!at->empty())
                return *at;
        return {};
    }

    GenericAttributesById& mOut;
    std::vector<std::string> mIds; ///< the gml:id of each open element ("" when none)
    std::vector<std::string> mSets;
    std::string mAttribute;
    std::string mText;
    std::string mUnit;
    bool mInAttribute = false;
    bool mInValue = false;
};
} // namespace

std::string unitOfMeasure(const std::string& uom)
{
    const auto cut = uom.find_last_of("#:/");
    return cut == std::string::npos ? uom : uom.substr(cut + 1);
}

GenericAttributesById readSkippedGenericAttributes(const std::string& path)
{
    GenericAttributesById out;
    if (!mentionsSkippedElements(path))
        return out;
    try
    {
        xercesc::XMLPlatformUtils::Initialize();
    }
    catch (...)
    {
        return out;
    }
    {
        std::unique_ptr<xercesc::SAX2XMLReader> reader(xercesc::XMLReaderFactory::createXMLReader());
        xercesc::SecurityManager security;
        security.setEntityExpansionLimit(1000);
        reader->setFeature(xercesc::XMLUni::fgSAX2CoreNameSpaces, true);
        reader->setFeature(xercesc::XMLUni::fgSAX2CoreValidation, false);
        reader->setFeature(xercesc::XMLUni::fgXercesLoadExternalDTD, false);
        reader->setFeature(xercesc::XMLUni::fgXercesDisableDefaultEntityResolution, true);
        reader->setProperty(xercesc::XMLUni::fgXercesSecurityManager, &security);
        GenericHandler handler(out);
        reader->setContentHandler(&handler);
        reader->setErrorHandler(&handler);
        try
        {
            reader->parse(path.c_str());
        }
        catch (...)
        {
            out.clear(); // the main reader, which read the same file, says what is wrong with it
        }
    }
    xercesc::XMLPlatformUtils::Terminate();
    return out;
}

} // namespace citytwin::data
