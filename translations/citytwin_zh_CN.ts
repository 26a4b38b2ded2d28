<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>citytwin::app::AnalysisDock</name>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Week of:</source>
        <translation>所在周：</translation>
    </message>
    <message>
        <source>Against the weeks before:</source>
        <translation>对比前几周：</translation>
    </message>
    <message>
        <source>Grid cells</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Per:</source>
        <translation>统计单元：</translation>
    </message>
    <message>
        <source>Stations:</source>
        <translation>站点：</translation>
    </message>
    <message>
        <source>Walking distance:</source>
        <translation>步行距离：</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>起：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>止：</translation>
    </message>
    <message>
        <source>Time slider:</source>
        <translation>时间轴：</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Categories (none ticked: all):</source>
        <translation>类别（不勾选即全部）：</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Overdue only (against each category&apos;s limit)</source>
        <translation>仅超期（按各类别时限）</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Saved filters:</source>
        <translation>已存筛选：</translation>
    </message>
    <message>
        <source>Per grid cell</source>
        <translation>按网格</translation>
    </message>
    <message>
        <source>Per community</source>
        <translation>按社区</translation>
    </message>
    <message>
        <source>3D columns</source>
        <translation>三维柱体</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Map:</source>
        <translation>地图：</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Hot spots</source>
        <translation>热点</translation>
    </message>
    <message>
        <source>Party coverage</source>
        <translation>党建覆盖</translation>
    </message>
    <message>
        <source>Service coverage</source>
        <translation>服务覆盖</translation>
    </message>
    <message>
        <source>Camera coverage</source>
        <translation>视频覆盖</translation>
    </message>
    <message>
        <source>by hour</source>
        <translation>按小时</translation>
    </message>
    <message>
        <source>by day</source>
        <translation>按天</translation>
    </message>
    <message>
        <source>by week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Show on Map</source>
        <translation>在地图上显示</translation>
    </message>
    <message>
        <source>Whole district</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>Showing %1 to %2</source>
        <translation>显示 %1 至 %2</translation>
    </message>
    <message>
        <source>Showing the whole range; move the slider or press Play to step through it</source>
        <translation>显示整个时段；拖动时间轴或按“播放”逐段查看</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; incidents · &lt;b&gt;%2&lt;/b&gt; open · &lt;b&gt;%3&lt;/b&gt; overdue · found by camera AI &lt;b&gt;%4%&lt;/b&gt; · median time to close &lt;b&gt;%5 h&lt;/b&gt; (90%: %6 h)</source>
        <translation>事件 &lt;b&gt;%1&lt;/b&gt; 件 · 未办结 &lt;b&gt;%2&lt;/b&gt; 件 · 超期 &lt;b&gt;%3&lt;/b&gt; 件 · 视频AI发现 &lt;b&gt;%4%&lt;/b&gt; · 办结用时中位数 &lt;b&gt;%5 小时&lt;/b&gt;（90%：%6 小时）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; incidents</source>
        <translation>事件 &lt;b&gt;%1&lt;/b&gt; 件</translation>
    </message>
    <message>
        <source>Incidents: %1</source>
        <translation>事件：%1</translation>
    </message>
    <message>
        <source>Incidents per week, largest categories</source>
        <translation>每周事件数（主要类别）</translation>
    </message>
    <message>
        <source>Incidents per day, largest categories</source>
        <translation>每日事件数（主要类别）</translation>
    </message>
    <message>
        <source>Incidents per hour, largest categories</source>
        <translation>每小时事件数（主要类别）</translation>
    </message>
    <message>
        <source>Closed incidents</source>
        <translation>已办结事件</translation>
    </message>
    <message>
        <source>Time to close</source>
        <translation>办结用时</translation>
    </message>
    <message>
        <source>hours from report to closing</source>
        <translation>从上报到办结（小时）</translation>
    </message>
    <message>
        <source>Top 10 grid cells</source>
        <translation>事件最多的 10 个网格</translation>
    </message>
    <message>
        <source>grid cell</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Week of %1 against the %2 weeks before: %3 grid cells with a significant change.</source>
        <translation>%1 所在周对比前 %2 周：%3 个网格有显著变化。</translation>
    </message>
    <message>
        <source>District: %1 of %2 residential buildings have a building group (%3%); %4% of households are reached by a 1+10 link. Gaps: %5 populated grid cells without a branch, %6 residential buildings without a group, %7 communities below 20% of households linked.</source>
        <translation>全区：%2 栋住宅楼中 %1 栋建有楼栋党小组（%3%）；“1+10”联系覆盖 %4% 的住户。短板：%5 个有人居住的网格没有党支部，%6 栋住宅楼没有党小组，%7 个社区联系住户不足 20%。</translation>
    </message>
    <message>
        <source>1+10 links against time to close, per grid cell&lt;br&gt;Pearson r = %1, Spearman ρ = %2 (%3 cells)</source>
        <translation>“1+10”联系与办结用时（按网格）&lt;br&gt;Pearson r = %1，Spearman ρ = %2（%3 个网格）</translation>
    </message>
    <message>
        <source>households linked (%)</source>
        <translation>联系住户比例（%）</translation>
    </message>
    <message>
        <source>median hours to close</source>
        <translation>办结用时中位数（小时）</translation>
    </message>
    <message>
        <source>building %1 (+%2 people, %3% covered after it)</source>
        <translation>建筑 %1（新增覆盖 %2 人，之后覆盖率 %3%）</translation>
    </message>
    <message>
        <source>elderly residents</source>
        <translation>老年居民</translation>
    </message>
    <message>
        <source>children</source>
        <translation>儿童</translation>
    </message>
    <message>
        <source>residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>%1 of %2 %3 (%4%) live within %5 m of a station; %6 buildings are not covered. Where to put the next stations: %7.</source>
        <translation>%2 名%3中有 %1 名（%4%）住在站点 %5 米以内；%6 栋建筑未覆盖。建议新站点位置：%7。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1% of open ground and %2% of street length are in view of a camera (views cut by buildings); %3 grid cells have blind spots (under 10% of open ground in view).</source>
        <translation>%1% 的开放地面和 %2% 的街道长度在摄像头视野内（已扣除建筑遮挡）；%3 个网格存在盲区（可见开放地面不足 10%）。</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json);;GeoPackage (*.gpkg)</source>
        <translation>CSV (*.csv);;JSON (*.json);;GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Results are not written into the project itself.</source>
        <translation>分析结果不会写入项目文件本身。</translation>
    </message>
    <message>
        <source>%1: cannot write the file</source>
        <translation>%1：无法写入文件</translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <source>Name of the filter:</source>
        <translation>筛选名称：</translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation>在地图上显示</translation>
    </message>
    <message>
        <source>Within (distance):</source>
        <translation>距离不超过：</translation>
    </message>
    <message>
        <source>Within (days):</source>
        <translation>间隔不超过（天）：</translation>
    </message>
    <message>
        <source>At least (incidents):</source>
        <translation>至少（件）：</translation>
    </message>
    <message>
        <source>Recurring places</source>
        <translation>反复发生地点</translation>
    </message>
    <message>
        <source>%1 places where incidents of one category came back within %2 m and %3 days (at least %4 each), %5 incidents in all; the largest first. Double-click a row to fly there.</source>
        <translation>%1 处同类事件在 %2 米、%3 天内反复发生的地点（每处至少 %4 件），共 %5 件；按规模排序。双击一行可飞至该处。</translation>
    </message>
    <message>
        <source>Draw…</source>
        <translation>绘制…</translation>
    </message>
    <message>
        <source>Click the corners of an area on the map; double-click or Enter to finish, Esc to cancel</source>
        <translation>在地图上依次点击区域的各个角点；双击或按回车结束，按 Esc 取消</translation>
    </message>
    <message>
        <source>Area drawn on the map</source>
        <translation>地图上绘制的区域</translation>
    </message>
    <message>
        <source>Grid cell %1 (picked on the map)</source>
        <translation>网格 %1（地图上选取）</translation>
    </message>
    <message>
        <source>Over time by category</source>
        <translation>随时间变化（按类别）</translation>
    </message>
    <message>
        <source>Over time by source</source>
        <translation>随时间变化（按来源）</translation>
    </message>
    <message>
        <source>Incidents per week, by source</source>
        <translation>每周事件数（按来源）</translation>
    </message>
    <message>
        <source>Incidents per day, by source</source>
        <translation>每日事件数（按来源）</translation>
    </message>
    <message>
        <source>Incidents per hour, by source</source>
        <translation>每小时事件数（按来源）</translation>
    </message>
</context>
<context>
    <name>citytwin::app::AnalysisInputs</name>
    <message>
        <source>Camera AI</source>
        <translation>视频AI</translation>
    </message>
    <message>
        <source>Grid inspector</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>12345 hotline</source>
        <translation>12345热线</translation>
    </message>
    <message>
        <source>Citizen app</source>
        <translation>市民APP</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>已处置</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>%1 has no saved filter named %2</source>
        <translation>%1 中没有名为 %2 的已存筛选</translation>
    </message>
    <message>
        <source>--%1: %2 is not a date or time (2025-06-01, 2025-06-01 08:30)</source>
        <translation>--%1：%2 不是日期或时刻（如 2025-06-01、2025-06-01 08:30）</translation>
    </message>
    <message>
        <source>the saved filter %1 in %2 cannot be read: %3</source>
        <translation>%2 中保存的筛选条件 %1 无法读取：%3</translation>
    </message>
</context>
<context>
    <name>citytwin::app::AnalysisMapLink</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Buildings listed by the analysis</source>
        <translation>分析列出的建筑</translation>
    </message>
    <message numerus="yes">
        <source>listed (%n)</source>
        <translation>
            <numerusform>列出的（%n 栋）</numerusform>
        </translation>
    </message>
    <message>
        <source>others</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>citytwin::app::AreaDrawing</name>
    <message>
        <source>Click the corners of the area on the map; double-click or Enter to finish, Esc to cancel</source>
        <translation>在地图上依次点击区域的各个角点；双击或按回车结束，按 Esc 取消</translation>
    </message>
    <message>
        <source>An area needs at least three corners</source>
        <translation>区域至少需要三个角点</translation>
    </message>
    <message>
        <source>The analysis now looks at the area drawn</source>
        <translation>分析现在只看绘制的区域</translation>
    </message>
</context>
<context>
    <name>citytwin::app::BriefingMode</name>
    <message>
        <source>CityTwin briefing</source>
        <translation>CityTwin 汇报</translation>
    </message>
    <message>
        <source>Incidents today</source>
        <translation>今日事件</translation>
    </message>
    <message>
        <source>Incidents this week</source>
        <translation>本周事件</translation>
    </message>
    <message>
        <source>Closed on time</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Median time to close</source>
        <translation>办结用时中位数</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>当前超期</translation>
    </message>
    <message>
        <source>Found by camera AI</source>
        <translation>视频AI发现占比</translation>
    </message>
    <message>
        <source>Incidents per day, last 30 days</source>
        <translation>近30天每日事件数</translation>
    </message>
    <message>
        <source>Data as of %1</source>
        <translation>数据截至 %1</translation>
    </message>
    <message>
        <source>grid %1</source>
        <translation>%1号网格</translation>
    </message>
    <message>
        <source>Stop %1 of %2</source>
        <translation>第 %1 / %2 站</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1（%2%）</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1个百分点</translation>
    </message>
    <message>
        <source>vs. yesterday</source>
        <translation>较昨日</translation>
    </message>
    <message>
        <source>vs. the week before</source>
        <translation>较上周</translation>
    </message>
    <message>
        <source>vs. a week ago</source>
        <translation>较一周前</translation>
    </message>
    <message>
        <source>1+10 household reach</source>
        <translation>1+10联系覆盖</translation>
    </message>
    <message>
        <source>Day-care reach (500 m)</source>
        <translation>日照站500米覆盖</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ColorByDialog</name>
    <message>
        <source>Colour by Field</source>
        <translation>按字段着色</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>字段：</translation>
    </message>
    <message>
        <source>Natural breaks (Jenks)</source>
        <translation>自然断点（Jenks）</translation>
    </message>
    <message>
        <source>Quantiles</source>
        <translation>分位数</translation>
    </message>
    <message>
        <source>Equal interval</source>
        <translation>等间距</translation>
    </message>
    <message>
        <source>Numbers classed by:</source>
        <translation>数值分级方法：</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>级数：</translation>
    </message>
    <message>
        <source>Draw areas as 3D columns as high as the value</source>
        <translation>将区域绘制为高度等于数值的三维柱体</translation>
    </message>
    <message>
        <source>Text fields are coloured by category.</source>
        <translation>文本字段按类别着色。</translation>
    </message>
</context>
<context>
    <name>citytwin::app::CommandLineText</name>
    <message>
        <source>citytwin: no display found (DISPLAY is not set); to get a picture without a desktop, run: xvfb-run -a citytwin render FILE --out view.png</source>
        <translation>citytwin：未找到显示器（DISPLAY 未设置）；无桌面时如需出图，请运行：xvfb-run -a citytwin render FILE --out view.png</translation>
    </message>
    <message>
        <source>citytwin: unknown language &apos;%1&apos; (use zh_CN or en)</source>
        <translation>citytwin：未知语言“%1”（请使用 zh_CN 或 en）</translation>
    </message>
    <message>
        <source>CityTwin: a 3D city-twin viewer and analysis tool.

%1</source>
        <translation>CityTwin：城市三维数字孪生浏览与分析工具。

%1</translation>
    </message>
    <message>
        <source>Interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Vector sources to open.</source>
        <translation>要打开的矢量数据源。</translation>
    </message>
    <message>
        <source>[FILE...]</source>
        <translation>[FILE...]</translation>
    </message>
    <message>
        <source>citytwin: %1: the screenshot could not be written</source>
        <translation>citytwin：%1：无法写入截图</translation>
    </message>
    <message>
        <source>Save a picture of the whole window to this PNG file once the FILEs are loaded, then quit.</source>
        <translation>FILE 加载完成后，将整个窗口的截图保存为此 PNG 文件，然后退出。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>citytwin: %1: the project has no tour named &apos;%2&apos;</source>
        <translation>citytwin：%1：项目中没有名为“%2”的导览</translation>
    </message>
    <message>
        <source>citytwin: the tour &apos;%1&apos; has no stop %2 (it has %3)</source>
        <translation>citytwin：导览“%1”没有第 %2 站（共 %3 站）</translation>
    </message>
    <message>
        <source>citytwin: %1: not a CityTwin project</source>
        <translation>citytwin：%1：不是 CityTwin 项目</translation>
    </message>
    <message>
        <source>citytwin: %1: the project did not finish loading in time</source>
        <translation>citytwin：%1：项目未能在限定时间内加载完成</translation>
    </message>
    <message>
        <source>Capture the window or the briefing screen exactly as it is shown (needs a display, e.g. xvfb-run -a -s &quot;-screen 0 7680x2160x24&quot;).

Example: citytwin shot lubei.gpkg --mode briefing --tour briefing --stop 2 --size 3840x2160 --out stop2.png</source>
        <translation>按屏幕上的原样截取主窗口或汇报大屏（需要显示环境，例如 xvfb-run -a -s &quot;-screen 0 7680x2160x24&quot;）。

示例：citytwin shot lubei.gpkg --mode briefing --tour briefing --stop 2 --size 3840x2160 --out stop2.png</translation>
    </message>
    <message>
        <source>briefing (the full-screen briefing, the default) or window (the main window).</source>
        <translation>briefing（全屏汇报，默认）或 window（主窗口）。</translation>
    </message>
    <message>
        <source>The tour to show (default: the first).</source>
        <translation>要展示的导览（默认：第一个）。</translation>
    </message>
    <message>
        <source>The tour&apos;s stop to show, from 1 (default 1).</source>
        <translation>要展示的导览站点，从 1 开始（默认 1）。</translation>
    </message>
    <message>
        <source>The picture&apos;s size (default 1920x1080).</source>
        <translation>图片尺寸（默认 1920x1080）。</translation>
    </message>
    <message>
        <source>The PNG to write.</source>
        <translation>要写入的 PNG 文件。</translation>
    </message>
    <message>
        <source>The project.</source>
        <translation>项目。</translation>
    </message>
    <message>
        <source>the size must be from 320x200 to 16384x16384</source>
        <translation>尺寸须在 320x200 到 16384x16384 之间</translation>
    </message>
    <message>
        <source>Open a project in briefing mode: full screen, KPI tiles, presenter keys.</source>
        <translation>以汇报模式打开项目：全屏、指标卡片、翻页器按键。</translation>
    </message>
    <message>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>With --briefing: the tour to present (default: the project&apos;s first).</source>
        <translation>与 --briefing 一起使用：要讲解的导览（默认：项目中的第一个）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>With --briefing: the screen to fill, from 0 (default: the window&apos;s).</source>
        <translation>与 --briefing 一起使用：铺满的屏幕，从 0 开始（默认：窗口所在屏幕）。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>With --briefing: play the tour by itself, each stop for its duration.</source>
        <translation>与 --briefing 一起使用：自动播放导览，每站停留其设定时长。</translation>
    </message>
    <message>
        <source>Verbs:
  import      Copy a source into a project, or incidents into its incident table (citytwin import --help).
  info        Describe data sources: layers, CRS, extents, fields (citytwin info --help).
  make-tour   Compose the week&apos;s briefing from its significant changes, as a tour in the project (citytwin make-tour --help).
  render      Render the default view of FILEs to an image (citytwin render --help).
  report      Make a map report (PDF, PNG, SVG) from a template, one page per area for an atlas (citytwin report --help).
  sample      Write the built-in sample district into a new project (citytwin sample --help).
  shot        Capture the window or the briefing screen exactly as it is shown, to a PNG (citytwin shot --help).
  simulate-live  Append realistic new incidents to a project as they would arrive (citytwin simulate-live --help).
  stats       Analyse incidents, party, service and camera coverage, hot spots; CSV, JSON or GeoPackage out (citytwin stats --help).
With no verb, citytwin opens the desktop application and loads the FILEs given.</source>
        <translation>命令：
  import      将数据源复制到项目中，或将事件导入事件表（citytwin import --help）。
  info        描述数据源：图层、坐标系、范围、字段（citytwin info --help）。
  make-tour   根据本周的显著变化生成每周汇报，作为导览保存在项目中（citytwin make-tour --help）。
  render      将文件的默认视图渲染为图片（citytwin render --help）。
  report      按模板制作地图报告（PDF、PNG、SVG），图集每个区域一页（citytwin report --help）。
  sample      将内置示例城区写入新项目（citytwin sample --help）。
  shot        按屏幕上的原样截取主窗口或汇报大屏，保存为 PNG（citytwin shot --help）。
  simulate-live  按实时上报的方式向项目追加逼真的新事件（citytwin simulate-live --help）。
  stats       分析事件、党建、服务与视频覆盖及热点；输出 CSV、JSON 或 GeoPackage（citytwin stats --help）。
不带命令时，citytwin 打开桌面程序并加载给出的文件。</translation>
    </message>
</context>
<context>
    <name>citytwin::app::CrsConfirmDialog</name>
    <message>
        <source>Confirm the Coordinate Reference System</source>
        <translation>确认坐标参考系</translation>
    </message>
    <message>
        <source>Layer &lt;b&gt;%1&lt;/b&gt; declares no coordinate reference system. From its coordinates it is shown as &lt;b&gt;%2&lt;/b&gt;. Confirm this, or choose what its coordinates really are (Chinese web maps and phone apps often give GCJ-02 or BD-09).</source>
        <translation>图层 &lt;b&gt;%1&lt;/b&gt; 未声明坐标参考系。根据其坐标，当前按 &lt;b&gt;%2&lt;/b&gt; 显示。请确认，或选择其坐标的真实坐标系（国内网络地图和手机应用常用 GCJ-02 或 BD-09）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; has no coordinate reference system CityTwin can use (%2). It is shown at its own coordinates, not placed on the map. Choose what its coordinates are (for example EPSG:28992) to place it.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 没有 CityTwin 可用的坐标参考系（%2）。它暂按自身坐标显示，未放到地图上。请选择其坐标所用的坐标系（例如 EPSG:28992）以完成定位。</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ErrorText</name>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>the file cannot be opened or is not in a format GDAL reads</source>
        <translation>无法打开文件，或不是 GDAL 可读取的格式</translation>
    </message>
    <message>
        <source>the file is a raster, not a vector layer</source>
        <translation>该文件是栅格数据，不是矢量图层</translation>
    </message>
    <message>
        <source>the source contains no layer to show</source>
        <translation>数据源中没有可显示的图层</translation>
    </message>
    <message>
        <source>the coordinate reference system is unknown</source>
        <translation>坐标参考系未知</translation>
    </message>
    <message>
        <source>the layer has no coordinate reference system</source>
        <translation>图层没有坐标参考系</translation>
    </message>
    <message>
        <source>the coordinates cannot be transformed into the project CRS</source>
        <translation>坐标无法转换到项目坐标系</translation>
    </message>
    <message>
        <source>invalid argument</source>
        <translation>参数无效</translation>
    </message>
    <message>
        <source>Layer %1 is empty.</source>
        <translation>图层 %1 为空。</translation>
    </message>
    <message>
        <source>Layer %1: %2</source>
        <translation>图层 %1：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a problem, then its technical detail</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Layer %1 declares no coordinate reference system; from its coordinates %2 was assumed. Check its placement.</source>
        <translation>图层 %1 未声明坐标参考系；根据其坐标假定为 %2。请核对其位置。</translation>
    </message>
    <message>
        <source>Layer %1: the text is not UTF-8 and no code page is declared; it was decoded as GBK.</source>
        <translation>图层 %1：文本不是 UTF-8 且未声明代码页，已按 GBK 解码。</translation>
    </message>
    <message>
        <source>Layer %1: %2 invalid geometries were repaired.</source>
        <translation>图层 %1：已修复 %2 个无效几何。</translation>
    </message>
    <message>
        <source>Layer %1: %2 invalid geometries were skipped.</source>
        <translation>图层 %1：已跳过 %2 个无效几何。</translation>
    </message>
    <message>
        <source>the project database could not be read or written</source>
        <translation>无法读写项目数据库</translation>
    </message>
    <message>
        <source>the import was refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <source>bad date</source>
        <translation>日期无效</translation>
    </message>
    <message>
        <source>times out of order</source>
        <translation>时间先后顺序错误</translation>
    </message>
    <message>
        <source>bad or missing location</source>
        <translation>位置无效或缺失</translation>
    </message>
    <message>
        <source>outside the district</source>
        <translation>超出辖区范围</translation>
    </message>
    <message>
        <source>unknown category</source>
        <translation>未知事件类型</translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation>未知事件来源</translation>
    </message>
    <message>
        <source>unknown status</source>
        <translation>未知状态</translation>
    </message>
    <message>
        <source>already in the project</source>
        <translation>项目中已存在</translation>
    </message>
    <message>
        <source>the file&apos;s content cannot be read or is not supported</source>
        <translation>文件内容无法读取或不受支持</translation>
    </message>
    <message>
        <source>the format is recognised, but the file is damaged or uses something not supported</source>
        <translation>格式可以识别，但文件已损坏或使用了不支持的内容</translation>
    </message>
    <message>
        <source>Layer %1 is a bare JSON array of features (not a FeatureCollection); it was read as one.</source>
        <translation>图层 %1 是要素的裸 JSON 数组（不是 FeatureCollection），已按 FeatureCollection 读取。</translation>
    </message>
    <message>
        <source>Layer %1 names its coordinate reference system &apos;%2&apos;; it was read as %3.</source>
        <translation>图层 %1 的坐标参考系写作“%2”，已按 %3 读取。</translation>
    </message>
    <message>
        <source>Layer %1 names a coordinate reference system that is not known (%2); WGS 84, GeoJSON&apos;s default, was used. Declare the right one if it lands in the wrong place.</source>
        <translation>图层 %1 声明的坐标参考系无法识别（%2），已按 GeoJSON 默认的 WGS 84 读取。若位置不对，请声明正确的坐标系。</translation>
    </message>
    <message>
        <source>Layer %1 looks like DataV GeoAtlas data (features with adcode) and declares no coordinate reference system; it was read as GCJ-02, the coordinates DataV publishes. Declare EPSG:4326 if they are WGS 84.</source>
        <translation>图层 %1 看来是 DataV GeoAtlas 数据（要素带 adcode），且未声明坐标参考系，已按 DataV 发布所用的 GCJ-02 读取。若实为 WGS 84，请声明 EPSG:4326。</translation>
    </message>
    <message>
        <source>Layer %1: points from the columns %2.</source>
        <translation>图层 %1：点位取自列 %2。</translation>
    </message>
    <message>
        <source>Layer %1: %2 feature(s) have no geometry GDAL could read and are not shown (for a table: are its coordinate columns named as usual? --x-field and --y-field name them).</source>
        <translation>图层 %1：%2 个要素没有 GDAL 能读取的几何，未显示（若为表格：坐标列名是否常见？可用 --x-field 和 --y-field 指定）。</translation>
    </message>
    <message>
        <source>Layer %1: its .cpg file names the code page “%2”, which is not known here; the text was read without converting it (Chinese text may look wrong). Write UTF-8 or 936 (GBK) in the .cpg.</source>
        <translation>图层 %1：其 .cpg 文件指定的代码页“%2”无法识别，文本未经转换直接读取（中文可能显示为乱码）。请在 .cpg 中写入 UTF-8 或 936（GBK）。</translation>
    </message>
</context>
<context>
    <name>citytwin::app::HotspotStatements</name>
    <message>
        <source>Grid %1</source>
        <translation>网格 %1</translation>
    </message>
    <message>
        <source>%1 up %2× (%3 this week, %4 a week before), significant at %5%</source>
        <translation>%1增至此前的 %2 倍（本周 %3 件，此前每周 %4 件），%5% 置信度显著</translation>
    </message>
    <message>
        <source>%1: %2 this week after none before, significant at %3%</source>
        <translation>%1：此前为零，本周 %2 件，%3% 置信度显著</translation>
    </message>
    <message>
        <source>all incidents up from %1 to %2 a week (significant at %3%)</source>
        <translation>全部事件由每周 %1 件增至 %2 件（%3% 置信度显著）</translation>
    </message>
    <message>
        <source>all incidents down from %1 to %2 a week (significant at %3%)</source>
        <translation>全部事件由每周 %1 件降至 %2 件（%3% 置信度显著）</translation>
    </message>
    <message>
        <source>a hot spot with its neighbours (Getis-Ord Gi*, %1%)</source>
        <translation>与相邻网格同为热点（Getis-Ord Gi*，%1%）</translation>
    </message>
    <message>
        <source>a cold spot with its neighbours (Getis-Ord Gi*, %1%)</source>
        <translation>与相邻网格同为冷点（Getis-Ord Gi*，%1%）</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ImportCommand</name>
    <message>
        <source>%1: %2 rows read, %3 imported, %4 rejected%5</source>
        <translation>%1：读取 %2 行，导入 %3 行，拒绝 %4 行%5</translation>
    </message>
    <message>
        <source>coordinates taken as %1; %2 rows placed in a grid, %3 in a community</source>
        <translation>坐标按 %1 处理；%2 行落入网格，%3 行落入社区</translation>
    </message>
    <message>
        <source>columns: %1</source>
        <translation>字段对应：%1</translation>
    </message>
    <message>
        <source>… and %1 more (use --report FILE.csv for all)</source>
        <translation>… 另有 %1 行（用 --report FILE.csv 输出全部）</translation>
    </message>
    <message>
        <source>  row %1: %2 (%3)</source>
        <translation>  第 %1 行：%2（%3）</translation>
    </message>
    <message>
        <source>Copies a source into a project (created when it does not exist). A vector layer becomes a feature table in the project CRS; with --as incidents the rows go through a field mapping into the incident table, in one transaction, and rejected rows are reported with the reason.</source>
        <translation>将数据源导入项目（项目不存在时自动创建）。矢量图层成为项目坐标系下的要素表；使用 --as incidents 时，各行经字段映射写入事件表，整个导入为一个事务，被拒绝的行会列出原因。</translation>
    </message>
    <message>
        <source>The source layer (default: the first).</source>
        <translation>源图层（默认：第一个）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>What the rows are: &apos;incidents&apos;, or &apos;layer&apos; (default).</source>
        <translation>数据类别：&apos;incidents&apos;（事件）或 &apos;layer&apos;（图层，默认）。</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>A field-mapping profile: a JSON file (saved in the project) or the name of a saved one.</source>
        <translation>字段映射方案：JSON 文件（会保存到项目中）或已保存方案的名称。</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>The CRS of the source coordinates: EPSG:xxxx, gcj02 or bd09.</source>
        <translation>源坐标的坐标系：EPSG:xxxx、gcj02 或 bd09。</translation>
    </message>
    <message>
        <source>crs</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>The table name in the project (layers).</source>
        <translation>项目中的表名（图层）。</translation>
    </message>
    <message>
        <source>table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>Replace a table of the same name.</source>
        <translation>替换同名表。</translation>
    </message>
    <message>
        <source>Import nothing if any row is rejected.</source>
        <translation>只要有一行被拒绝就不导入任何数据。</translation>
    </message>
    <message>
        <source>Write every rejected row to this CSV file.</source>
        <translation>将所有被拒绝的行写入此 CSV 文件。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>The CRS of a new project (default EPSG:4548).</source>
        <translation>新项目的坐标系（默认 EPSG:4548）。</translation>
    </message>
    <message>
        <source>Print no progress.</source>
        <translation>不输出进度。</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN or en.</source>
        <translation>消息语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation>PROJECT</translation>
    </message>
    <message>
        <source>The project GeoPackage.</source>
        <translation>项目 GeoPackage 文件。</translation>
    </message>
    <message>
        <source>PROJECT.gpkg</source>
        <translation>PROJECT.gpkg</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>SOURCE</translation>
    </message>
    <message>
        <source>The file or GDAL connection string to import.</source>
        <translation>要导入的文件或 GDAL 连接字符串。</translation>
    </message>
    <message>
        <source>citytwin import: %1</source>
        <translation>citytwin import：%1</translation>
    </message>
    <message>
        <source>citytwin import: expected PROJECT.gpkg SOURCE and --as incidents|layer</source>
        <translation>citytwin import：需要 PROJECT.gpkg SOURCE 以及 --as incidents|layer</translation>
    </message>
    <message>
        <source>citytwin import: the project and the source are the same file</source>
        <translation>citytwin import：项目与数据源是同一个文件</translation>
    </message>
    <message>
        <source>citytwin import: %1 features written</source>
        <translation>citytwin import：已写入 %1 个要素</translation>
    </message>
    <message>
        <source>%1: layer %2 in %3: %4 features written (%5 read), %6 geometries repaired, %7 skipped; CRS %8; text %9</source>
        <translation>%1：图层 %2 已写入 %3：写入 %4 个要素（读取 %5 个），修复 %6 个几何，跳过 %7 个；坐标系 %8；文本编码 %9</translation>
    </message>
    <message>
        <source>citytwin import: %1 rows read</source>
        <translation>citytwin import：已读取 %1 行</translation>
    </message>
    <message>
        <source>citytwin import: %1 rows written</source>
        <translation>citytwin import：已写入 %1 行</translation>
    </message>
    <message>
        <source>citytwin import: %1: the report could not be written</source>
        <translation>citytwin import：%1：无法写入报告</translation>
    </message>
    <message numerus="yes">
        <source>citytwin import: nothing imported: --strict and %n row(s) rejected</source>
        <translation>
            <numerusform>citytwin import：未导入任何数据：使用了 --strict 且有 %n 行被拒绝</numerusform>
        </translation>
    </message>
    <message>
        <source>citytwin import: warning: %1&apos;s id column is not unique whole numbers: kept as %2, and id numbers the features</source>
        <translation>citytwin import：警告：%1 的 id 列不是互不相同的整数：已保留为 %2，id 改为按要素编号</translation>
    </message>
    <message numerus="yes">
        <source>citytwin import: warning: none of the %n feature(s) of %1 has a geometry GDAL could read (a table without coordinate columns?)</source>
        <translation>
            <numerusform>citytwin import：警告：%1 的 %n 个要素都没有 GDAL 可读取的几何（是否缺少坐标列？）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>citytwin import: warning: %n feature(s) of %1 have no geometry</source>
        <translation>
            <numerusform>citytwin import：警告：%1 中有 %n 个要素没有几何</numerusform>
        </translation>
    </message>
    <message>
        <source>citytwin import: nothing imported: --strict and features without a geometry or with one skipped</source>
        <translation>citytwin import：未导入任何内容：使用了 --strict，且有要素没有几何或几何被跳过</translation>
    </message>
    <message>
        <source>citytwin import: --crs EPSG:n says what the coordinates are</source>
        <translation>citytwin import：可用 --crs EPSG:n 指明坐标所用的坐标系</translation>
    </message>
    <message>
        <source>citytwin import: note: %1</source>
        <translation>citytwin import：提示：%1</translation>
    </message>
    <message numerus="yes">
        <source>citytwin import: warning: %n feature(s) of %1 skipped: a geometry invalid beyond repair or outside what the CRS can place</source>
        <translation>
            <numerusform>citytwin import：警告：%1 中有 %n 个要素被跳过：几何无效且无法修复，或超出坐标系可表示的范围</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>citytwin::app::ImportDialog</name>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>事件来源</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <source>Dispatched at</source>
        <translation>派遣时间</translation>
    </message>
    <message>
        <source>Handled at</source>
        <translation>处置时间</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Longitude / easting (x)</source>
        <translation>经度 / 东坐标（x）</translation>
    </message>
    <message>
        <source>Latitude / northing (y)</source>
        <translation>纬度 / 北坐标（y）</translation>
    </message>
    <message>
        <source>Import into Project</source>
        <translation>导入到项目</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>数据源：</translation>
    </message>
    <message>
        <source>Layer / sheet:</source>
        <translation>图层 / 工作表：</translation>
    </message>
    <message>
        <source>Import as:</source>
        <translation>导入为：</translation>
    </message>
    <message>
        <source>Coordinates in:</source>
        <translation>坐标系：</translation>
    </message>
    <message>
        <source>Local time zone of the times:</source>
        <translation>时间所用的时区：</translation>
    </message>
    <message>
        <source>Saved mapping:</source>
        <translation>已保存的映射：</translation>
    </message>
    <message>
        <source>Save this mapping as:</source>
        <translation>将此映射保存为：</translation>
    </message>
    <message>
        <source>Table name:</source>
        <translation>表名：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Incidents (through a column mapping into the incident table)</source>
        <translation>事件（经字段映射写入事件表）</translation>
    </message>
    <message>
        <source>A layer (a feature table in the project CRS)</source>
        <translation>图层（项目坐标系下的要素表）</translation>
    </message>
    <message>
        <source>EPSG code, or gcj02 / bd09 for coordinates from Chinese web maps and phone apps</source>
        <translation>EPSG 代码；国内网络地图和手机应用的坐标请选 gcj02 / bd09</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Import nothing if any row is rejected</source>
        <translation>只要有一行被拒绝就不导入</translation>
    </message>
    <message>
        <source>Use saved mapping</source>
        <translation>使用已保存的映射</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <source>Replace a table of the same name</source>
        <translation>替换同名表</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Choose a Source</source>
        <translation>选择数据源</translation>
    </message>
    <message>
        <source>Tables and layers (*.csv *.xlsx *.ods *.gpkg *.shp *.geojson *.json *.kml *.gml);;All files (*)</source>
        <translation>表格和图层 (*.csv *.xlsx *.ods *.gpkg *.shp *.geojson *.json *.kml *.gml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 columns; the mapping below was proposed from their names: check it.</source>
        <translation>共 %1 列；下面的字段映射是根据列名推荐的，请核对。</translation>
    </message>
    <message>
        <source>Give the mapping a name first.</source>
        <translation>请先为映射命名。</translation>
    </message>
    <message>
        <source>The mapping could not be saved in the project.</source>
        <translation>无法将映射保存到项目中。</translation>
    </message>
    <message>
        <source>Mapping %1 saved in the project.</source>
        <translation>映射 %1 已保存到项目中。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Layer %1: %2 features written, %3 geometries repaired, %4 skipped (CRS %5, text %6).</source>
        <translation>图层 %1：写入 %2 个要素，修复 %3 个几何，跳过 %4 个（坐标系 %5，文本编码 %6）。</translation>
    </message>
    <message>
        <source>%1 rows read, %2 imported, %3 rejected; %4 placed in a grid.</source>
        <translation>读取 %1 行，导入 %2 行，拒绝 %3 行；%4 行落入网格。</translation>
    </message>
    <message>
        <source>Nothing imported: %1 of %2 rows rejected and “import nothing” is on.</source>
        <translation>未导入任何数据：%2 行中有 %1 行被拒绝，且勾选了“有拒绝则不导入”。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Importing… %L1 rows written</source>
        <translation>正在导入…已写入 %L1 行</translation>
    </message>
    <message>
        <source>Importing… %L1 rows read</source>
        <translation>正在导入…已读取 %L1 行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>导入已取消：未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>citytwin::app::InfoCommand</name>
    <message>
        <source>outside the area of use of the project CRS</source>
        <translation>超出项目坐标系的适用范围</translation>
    </message>
    <message>
        <source>not representable</source>
        <translation>无法表示</translation>
    </message>
    <message>
        <source>none declared</source>
        <translation>未声明</translation>
    </message>
    <message>
        <source>none declared (coordinates suggest %1)</source>
        <translation>未声明（坐标看起来是 %1）</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>数据源：%1</translation>
    </message>
    <message>
        <source>Format: %1 (%2)</source>
        <translation>格式：%1（%2）</translation>
    </message>
    <message>
        <source>Layer %1: %2</source>
        <translation>图层 %1：%2</translation>
    </message>
    <message>
        <source>  Geometry: %1</source>
        <translation>  几何类型：%1</translation>
    </message>
    <message>
        <source>  Features: %1</source>
        <translation>  要素数：%1</translation>
    </message>
    <message>
        <source>  CRS: %1</source>
        <translation>  坐标系：%1</translation>
    </message>
    <message>
        <source>  Extent: %1</source>
        <translation>  范围：%1</translation>
    </message>
    <message>
        <source>  Extent in %1: %2</source>
        <translation>  %1 中的范围：%2</translation>
    </message>
    <message>
        <source>  Encoding: %1</source>
        <translation>  编码：%1</translation>
    </message>
    <message>
        <source>  Fields: %1</source>
        <translation>  字段：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Raster: %1 x %2 pixels, %3 band(s) of %4</source>
        <translation>栅格：%1 x %2 像素，%3 个 %4 波段</translation>
    </message>
    <message>
        <source>  Pixel size: %1 x %2</source>
        <translation>  像元大小：%1 x %2</translation>
    </message>
    <message>
        <source>  NoData: %1</source>
        <translation>  无数据值：%1</translation>
    </message>
    <message>
        <source>Oblique-photogrammetry tileset: SRS %1, origin %2, %3 top-level tile(s)</source>
        <translation>倾斜摄影瓦片集：坐标系 %1，原点 %2，%3 个顶层瓦片</translation>
    </message>
    <message>
        <source>No layers.</source>
        <translation>没有图层。</translation>
    </message>
    <message>
        <source>Describes data sources: each layer&apos;s name, geometry type, feature count, CRS, extent in the project CRS, fields and text encoding; a raster&apos;s size, bands and extent; a 3D tileset&apos;s header.</source>
        <translation>描述数据源：每个图层的名称、几何类型、要素数、坐标系、在项目坐标系中的范围、字段和文本编码；栅格的尺寸、波段和范围；三维瓦片集的头信息。</translation>
    </message>
    <message>
        <source>Print JSON for machines.</source>
        <translation>输出供程序读取的 JSON。</translation>
    </message>
    <message>
        <source>The project CRS for extents (default EPSG:4548).</source>
        <translation>用于范围的项目坐标系（默认 EPSG:4548）。</translation>
    </message>
    <message>
        <source>crs</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN or en.</source>
        <translation>消息语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>SOURCE</translation>
    </message>
    <message>
        <source>Files or GDAL connection strings to describe.</source>
        <translation>要描述的文件或 GDAL 连接字符串。</translation>
    </message>
    <message>
        <source>SOURCE...</source>
        <translation>SOURCE...</translation>
    </message>
    <message>
        <source>citytwin info: %1</source>
        <translation>citytwin info：%1</translation>
    </message>
    <message>
        <source>citytwin info: name at least one SOURCE</source>
        <translation>citytwin info：请至少给出一个 SOURCE</translation>
    </message>
    <message>
        <source>none usable (%1); --crs EPSG:n sets it</source>
        <translation>无可用坐标系（%1）；可用 --crs EPSG:n 指定</translation>
    </message>
    <message>
        <source>, horizontal part of %1</source>
        <translation>，为 %1 的水平部分</translation>
    </message>
    <message>
        <source>Format: CityGML %1 (read with libcitygml)</source>
        <translation>格式：CityGML %1（由 libcitygml 读取）</translation>
    </message>
    <message>
        <source>  Buildings: %1, building parts: %2</source>
        <translation>  建筑：%1，建筑部件：%2</translation>
    </message>
    <message>
        <source>  LoDs: %1</source>
        <translation>  细节层次（LoD）：%1</translation>
    </message>
    <message>
        <source>  Surfaces (polygons) by type: %1</source>
        <translation>  按语义类型统计的面（多边形）：%1</translation>
    </message>
    <message>
        <source>  Other city objects (not shown): %1</source>
        <translation>  其他城市对象（不显示）：%1</translation>
    </message>
    <message>
        <source>  srsName: %1</source>
        <translation>  srsName：%1</translation>
    </message>
    <message>
        <source>  Extent: %1 (heights %2 to %3 m)</source>
        <translation>  范围：%1（高度 %2 至 %3 米）</translation>
    </message>
    <message>
        <source>  Note: %1</source>
        <translation>  提示：%1</translation>
    </message>
    <message>
        <source>  Nothing to show: the CityModel holds no buildings.</source>
        <translation>  无可显示内容：该 CityModel 不含建筑。</translation>
    </message>
    <message>
        <source>The CRS of CityGML files that declare none, or one that is not recognised.</source>
        <translation>未声明坐标系或坐标系无法识别的 CityGML 文件所用的坐标系。</translation>
    </message>
    <message>
        <source>3D Tiles tileset, version %1</source>
        <translation>3D Tiles 瓦片集，版本 %1</translation>
    </message>
    <message>
        <source>  Tiles: %1</source>
        <translation>  瓦片：%1</translation>
    </message>
    <message>
        <source>  Content: %1</source>
        <translation>  内容：%1</translation>
    </message>
    <message>
        <source>  Geometric error: %1 m</source>
        <translation>  几何误差：%1 米</translation>
    </message>
    <message>
        <source>  Root bounding volume: %1</source>
        <translation>  根包围体：%1</translation>
    </message>
    <message>
        <source>  Warning: %1</source>
        <translation>  警告：%1</translation>
    </message>
    <message numerus="yes">
        <source>  Note: none of the %n feature(s) has a geometry: nothing to show (a table without coordinate columns? --x-field, --y-field or --geometry-field name them)</source>
        <translation>
            <numerusform>  提示：%n 个要素均无几何，无可显示内容（是没有坐标列的表格吗？可用 --x-field、--y-field 或 --geometry-field 指定）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  Note: %n feature(s) have no geometry</source>
        <translation>
            <numerusform>  提示：%n 个要素没有几何</numerusform>
        </translation>
    </message>
    <message>
        <source>  Note: the layer is empty: nothing to show or import</source>
        <translation>  注：该图层为空，没有可显示或导入的内容</translation>
    </message>
    <message numerus="yes">
        <source>  Note: none of the %n feature(s) has a geometry GDAL could read (damaged or unknown geometries): nothing to show</source>
        <translation>
            <numerusform>  注：%n 个要素均没有 GDAL 可读取的几何（几何损坏或类型未知），没有可显示的内容</numerusform>
        </translation>
    </message>
    <message>
        <source>  Warning: no extent: %1</source>
        <translation>  警告：无法得到范围：%1</translation>
    </message>
</context>
<context>
    <name>citytwin::app::InspectorDock</name>
    <message>
        <source>Inspector</source>
        <translation>属性查看</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Click an object in the 3D view to see its attributes.</source>
        <translation>在三维视图中点击对象以查看其属性。</translation>
    </message>
    <message>
        <source>Layer %1, feature %2</source>
        <translation>图层 %1，要素 %2</translation>
    </message>
</context>
<context>
    <name>citytwin::app::LayerNames</name>
    <message>
        <source>District</source>
        <translation>城区</translation>
    </message>
    <message>
        <source>Streets</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Grid cells</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>River</source>
        <translation>河流</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Service stations</source>
        <translation>服务站点</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Party organizations</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>1+10 links</source>
        <translation>“1+10”联系</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>%1 as columns</source>
        <translation>%1（柱体）</translation>
    </message>
    <message>
        <source>%1: view cones</source>
        <translation>%1：视域</translation>
    </message>
    <message>
        <source>%1 service rings (%2 m)</source>
        <translation>%1服务圈（%2 米）</translation>
    </message>
    <message>
        <source>Day-care stations</source>
        <translation>日间照料站</translation>
    </message>
    <message>
        <source>Canteens for the elderly</source>
        <translation>老年食堂</translation>
    </message>
    <message>
        <source>After-school classes</source>
        <translation>四点半课堂</translation>
    </message>
    <message>
        <source>Childcare centres</source>
        <translation>托育中心</translation>
    </message>
    <message>
        <source>Warm stations</source>
        <translation>暖心驿站</translation>
    </message>
    <message>
        <source>Party and public service centres</source>
        <translation>党群服务中心</translation>
    </message>
    <message>
        <source>Civilization practice stations</source>
        <translation>新时代文明实践站</translation>
    </message>
    <message>
        <source>Elderly homes</source>
        <translation>养老院</translation>
    </message>
    <message>
        <source>Social work stations</source>
        <translation>社工站</translation>
    </message>
    <message>
        <source>%1: ground in view</source>
        <translation>%1：视野内地面</translation>
    </message>
    <message>
        <source>%1: recurring places</source>
        <translation>%1：反复发生地点</translation>
    </message>
    <message>
        <source>Area drawn on the map</source>
        <translation>地图上绘制的区域</translation>
    </message>
    <message>
        <source>Found by camera AI</source>
        <translation>视频AI发现</translation>
    </message>
    <message>
        <source>Reported by grid inspectors</source>
        <translation>网格员上报</translation>
    </message>
    <message>
        <source>12345 hotline calls</source>
        <translation>12345热线</translation>
    </message>
    <message>
        <source>Citizen app reports</source>
        <translation>市民APP上报</translation>
    </message>
    <message>
        <source>Community cameras</source>
        <translation>社区监控</translation>
    </message>
    <message>
        <source>Public-security cameras</source>
        <translation>公安监控</translation>
    </message>
</context>
<context>
    <name>citytwin::app::LayersDock</name>
    <message numerus="yes">
        <source>%1 (%n feature(s))</source>
        <translation>
            <numerusform>%1（%n 个要素）</numerusform>
        </translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Zoom to Layer</source>
        <translation>缩放至图层</translation>
    </message>
    <message>
        <source>Colour by Field…</source>
        <translation>按字段着色…</translation>
    </message>
    <message>
        <source>Reset Colours</source>
        <translation>恢复颜色</translation>
    </message>
    <message>
        <source>Table %1. Double-click to zoom to this layer</source>
        <translation>数据表 %1。双击缩放到此图层</translation>
    </message>
    <message>
        <source>Oblique photography</source>
        <translation>倾斜摄影</translation>
    </message>
    <message>
        <source>CityGML</source>
        <translation>CityGML</translation>
    </message>
    <message>
        <source>3D Tiles</source>
        <translation>3D Tiles</translation>
    </message>
    <message>
        <source>3D model</source>
        <translation>三维模型</translation>
    </message>
    <message>
        <source>Zoom to Model</source>
        <translation>缩放到模型</translation>
    </message>
    <message>
        <source>Remove Model</source>
        <translation>移除模型</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Double-click to zoom to this model; right-click to remove it</source>
        <translation>双击缩放到此模型；右键可移除</translation>
    </message>
    <message>
        <source>3D models</source>
        <translation>三维模型</translation>
    </message>
</context>
<context>
    <name>citytwin::app::MainWindow</name>
    <message>
        <source>E %1 m  N %2 m</source>
        <translation>东 %1 米  北 %2 米</translation>
    </message>
    <message>
        <source>CityTwin — district 3D twin</source>
        <translation>CityTwin — 城区三维数字孪生</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a vector data source (GeoPackage, Shapefile, GeoJSON, …)</source>
        <translation>打开矢量数据源（GeoPackage、Shapefile、GeoJSON 等）</translation>
    </message>
    <message>
        <source>&amp;Save View as Image…</source>
        <translation>将视图保存为图像(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Home (Show Everything)</source>
        <translation>全图(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About CityTwin</source>
        <translation>关于 CityTwin(&amp;A)</translation>
    </message>
    <message>
        <source>No data loaded</source>
        <translation>未加载数据</translation>
    </message>
    <message>
        <source>Open Data Source</source>
        <translation>打开数据源</translation>
    </message>
    <message>
        <source>Vector data (*.gpkg *.shp *.geojson *.json *.kml *.gml *.csv *.xlsx *.ods *.sqlite);;All files (*)</source>
        <translation>矢量数据 (*.gpkg *.shp *.geojson *.json *.kml *.gml *.csv *.xlsx *.ods *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>CityTwin</source>
        <translation>CityTwin</translation>
    </message>
    <message>
        <source>Save View as Image</source>
        <translation>将视图保存为图像</translation>
    </message>
    <message>
        <source>PNG image (*.png);;JPEG image (*.jpg)</source>
        <translation>PNG 图像 (*.png);;JPEG 图像 (*.jpg)</translation>
    </message>
    <message>
        <source>%1: the image could not be written</source>
        <translation>%1：无法写入图像</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>About CityTwin</source>
        <translation>关于 CityTwin</translation>
    </message>
    <message>
        <source>&lt;b&gt;CityTwin %1&lt;/b&gt;&lt;br&gt;A 3D city-twin viewer and analysis tool for district operations centres.&lt;br&gt;Qt %2, OpenSceneGraph, GDAL, PROJ, SQLite.</source>
        <translation>&lt;b&gt;CityTwin %1&lt;/b&gt;&lt;br&gt;面向城区运行指挥中心的城市三维数字孪生浏览与分析工具。&lt;br&gt;Qt %2、OpenSceneGraph、GDAL、PROJ、SQLite。</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>打开项目(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Import into Project…</source>
        <translation>导入到项目(&amp;I)…</translation>
    </message>
    <message>
        <source>Copy a layer, or a table of incidents, into the open project</source>
        <translation>将图层或事件表导入当前项目</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>CityTwin project (*.gpkg)</source>
        <translation>CityTwin 项目 (*.gpkg)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Open &amp;Sample District</source>
        <translation>打开样例城区(&amp;S)</translation>
    </message>
    <message>
        <source>Generating the sample district (once, about 15 s)…</source>
        <translation>正在生成样例城区（仅首次，约 15 秒）…</translation>
    </message>
    <message>
        <source>Show &amp;Terrain</source>
        <translation>显示地形(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>书签(&amp;B)</translation>
    </message>
    <message>
        <source>Top-&amp;down View</source>
        <translation>俯视(&amp;D)</translation>
    </message>
    <message>
        <source>E&amp;xaggerate Heights (×3)</source>
        <translation>夸大高度(&amp;X)（×3）</translation>
    </message>
    <message>
        <source>See-through &amp;Buildings</source>
        <translation>半透明建筑(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Briefing Mode (Full Screen)</source>
        <translation>汇报模式（全屏）(&amp;B)</translation>
    </message>
    <message>
        <source>The 3D view alone with KPI tiles for an audience; Page Down / Page Up step through the tour, B blanks the screen, Esc leaves</source>
        <translation>面向听众的全屏三维视图与指标卡片；Page Down / Page Up 切换导览站点，B 黑屏，Esc 退出</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>白天(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Night (Command Centre)</source>
        <translation>夜间（指挥中心）(&amp;N)</translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Make a map report of the open project: a weekly page or an atlas of its areas, as PDF, PNG or SVG</source>
        <translation>用当前项目制作地图报告：一页周报或逐区域图集，输出 PDF、PNG 或 SVG</translation>
    </message>
    <message>
        <source>Open a project first: a report is made from a project</source>
        <translation>请先打开项目：报告由项目生成</translation>
    </message>
    <message>
        <source>Open a project first: a report is made from a project&apos;s layers and incidents.</source>
        <translation>请先打开项目：报告由项目的图层和事件生成。</translation>
    </message>
    <message>
        <source>Report written: %1</source>
        <translation>报告已写出：%1</translation>
    </message>
    <message>
        <source>Reading the project for the report…</source>
        <translation>正在读取工程以生成报告…</translation>
    </message>
    <message>
        <source>Software OpenGL (%1): every effect makes each frame slower; they are off by default here</source>
        <translation>软件 OpenGL（%1）：每种效果都会使每帧变慢，因此此处默认关闭</translation>
    </message>
    <message>
        <source>&amp;Effects</source>
        <translation>效果(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Shadows</source>
        <translation>阴影(&amp;S)</translation>
    </message>
    <message>
        <source>Buildings and models cast the sun&apos;s (or the moon&apos;s) shadows</source>
        <translation>建筑和模型投下日光（或月光）的阴影</translation>
    </message>
    <message>
        <source>&amp;Ambient Occlusion</source>
        <translation>环境光遮蔽(&amp;A)</translation>
    </message>
    <message>
        <source>Darkens the creases where walls meet the ground and each other</source>
        <translation>加深墙与地面、墙与墙相接处的阴暗</translation>
    </message>
    <message>
        <source>&amp;Bloom</source>
        <translation>泛光(&amp;B)</translation>
    </message>
    <message>
        <source>Bright outlines and lit roofs glow (the night theme&apos;s look)</source>
        <translation>明亮的轮廓和受光屋顶发出光晕（夜间主题的观感）</translation>
    </message>
</context>
<context>
    <name>citytwin::app::MakeTourCommand</name>
    <message>
        <source>Week of %1 to %2: %3 findings</source>
        <translation>%1 至 %2 这一周：发现 %3 项显著变化</translation>
    </message>
    <message>
        <source>citytwin make-tour: no incidents that week: the tour has the district overview only</source>
        <translation>citytwin make-tour：该周没有事件：导览仅含全区概览</translation>
    </message>
    <message>
        <source>citytwin make-tour: no significant change that week: the tour has the district overview only</source>
        <translation>citytwin make-tour：该周没有显著变化：导览仅含全区概览</translation>
    </message>
    <message>
        <source>Saved the tour &apos;%1&apos; (%2 stops) in %3</source>
        <translation>已将导览“%1”（共 %2 站）保存到 %3</translation>
    </message>
    <message>
        <source>Composes the week&apos;s briefing and saves it in the project as a tour: one stop per significant change of the week (a grid or a category in a grid well above the weeks before, an overdue backlog that grew), strongest first, each showing its grid with the week&apos;s incidents and a plain-word caption, then the district overview with the week&apos;s figures. Edit it in the tour editor before the meeting.</source>
        <translation>生成本周汇报并作为导览保存到项目中：本周每项显著变化一站（某网格或网格内某类事件明显高于此前各周、超期积压增加），按显著程度从强到弱排列，每站展示该网格及本周事件并配以通俗说明，最后一站为全区概览及本周数据。会前可在导览编辑器中修改。</translation>
    </message>
    <message>
        <source>The project GeoPackage.</source>
        <translation>项目 GeoPackage 文件。</translation>
    </message>
    <message>
        <source>The week, by any day in it (district time).</source>
        <translation>要汇报的周，给出该周任意一天即可（辖区时间）。</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>The tour&apos;s name (default: week-MONDAY).</source>
        <translation>导览名称（默认：week-该周周一日期）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Language of messages and captions: zh_CN or en.</source>
        <translation>提示信息与说明文字的语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>citytwin make-tour: %1</source>
        <translation>citytwin make-tour：%1</translation>
    </message>
    <message>
        <source>citytwin make-tour: give one PROJECT, --week DATE and, if any, a --name that is not empty</source>
        <translation>citytwin make-tour：请给出一个 PROJECT 和 --week DATE；如给出 --name，名称不能为空</translation>
    </message>
    <message>
        <source>citytwin make-tour: --week: %1 is not a date</source>
        <translation>citytwin make-tour：--week：%1 不是日期</translation>
    </message>
    <message>
        <source>citytwin make-tour: %1: no such file</source>
        <translation>citytwin make-tour：%1：文件不存在</translation>
    </message>
</context>
<context>
    <name>citytwin::app::PresenterView</name>
    <message>
        <source>Presenter</source>
        <translation>讲解者视图</translation>
    </message>
    <message>
        <source>Briefing time %1:%2</source>
        <translation>汇报用时 %1:%2</translation>
    </message>
    <message>
        <source>Stop %1 of %2: %3</source>
        <translation>第 %1 / %2 站：%3</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>下一站：%1</translation>
    </message>
    <message>
        <source>Next: the end of the tour</source>
        <translation>下一站：导览结束</translation>
    </message>
</context>
<context>
    <name>citytwin::app::RenderCommand</name>
    <message>
        <source>Renders the default 3D view of the given vector sources off-screen and writes it as an image.
Needs an OpenGL context: a desktop session, or xvfb-run -a on a headless machine.</source>
        <translation>离屏渲染给定矢量数据源的默认三维视图并写出图像。
需要 OpenGL 上下文：桌面会话，或在无显示器的机器上使用 xvfb-run -a。</translation>
    </message>
    <message>
        <source>Image file to write (PNG or JPEG).</source>
        <translation>要写出的图像文件（PNG 或 JPEG）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Image size in pixels, WIDTHxHEIGHT.</source>
        <translation>图像尺寸（像素），宽x高。</translation>
    </message>
    <message>
        <source>size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN or en.</source>
        <translation>消息语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Vector sources to show (GeoPackage, Shapefile, GeoJSON, …).</source>
        <translation>要显示的矢量数据源（GeoPackage、Shapefile、GeoJSON 等）。</translation>
    </message>
    <message>
        <source>[FILE...]</source>
        <translation>[FILE...]</translation>
    </message>
    <message>
        <source>citytwin render: %1</source>
        <translation>citytwin render：%1</translation>
    </message>
    <message>
        <source>citytwin render: --out FILE is required</source>
        <translation>citytwin render：必须给出 --out FILE</translation>
    </message>
    <message>
        <source>citytwin render: invalid --size &apos;%1&apos; (expected WIDTHxHEIGHT, 16 to 16384 pixels)</source>
        <translation>citytwin render：--size“%1”无效（应为 宽x高，16 至 16384 像素）</translation>
    </message>
    <message>
        <source>citytwin render: warning: %1</source>
        <translation>citytwin render：警告：%1</translation>
    </message>
    <message>
        <source>citytwin render: cannot render: %1</source>
        <translation>citytwin render：无法渲染：%1</translation>
    </message>
    <message>
        <source>citytwin render: %1: the image could not be written</source>
        <translation>citytwin render：%1：无法写入图像</translation>
    </message>
    <message>
        <source>Renders the view of a bookmark saved in the project (the first file).</source>
        <translation>渲染项目（第一个文件）中保存的书签视图。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>citytwin render: the project has no bookmark &apos;%1&apos;</source>
        <translation>citytwin render：项目中没有书签“%1”</translation>
    </message>
    <message>
        <source>Draws a service ring of this radius (metres) around every station.</source>
        <translation>在每个站点周围绘制此半径（米）的服务圈。</translation>
    </message>
    <message>
        <source>metres</source>
        <translation>米</translation>
    </message>
    <message>
        <source>Draws the service rings of this station kind only (e.g. day_care).</source>
        <translation>仅绘制此类站点的服务圈（如 day_care）。</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Draws every camera&apos;s view cone on the ground.</source>
        <translation>在地面上绘制每个摄像头的视域。</translation>
    </message>
    <message>
        <source>Shows layers that start hidden (comma-separated names, e.g. incidents).</source>
        <translation>显示默认隐藏的图层（逗号分隔的名称，如 incidents）。</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>citytwin render: --rings needs a radius in metres (1 to 20000)</source>
        <translation>citytwin render：--rings 需要以米为单位的半径（1 至 20000）</translation>
    </message>
    <message>
        <source>Colours a layer by a field: LAYER.FIELD (classes of a numeric field, categories of a text field).</source>
        <translation>按字段为图层着色：图层.字段（数值字段分级，文本字段分类）。</translation>
    </message>
    <message>
        <source>layer.field</source>
        <translation>图层.字段</translation>
    </message>
    <message>
        <source>Number of classes (default 5).</source>
        <translation>分级数（默认 5）。</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Classification: equal, quantile or jenks (natural breaks, default).</source>
        <translation>分级方法：equal（等间距）、quantile（分位数）或 jenks（自然断点，默认）。</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>citytwin render: --color-by needs LAYER.FIELD of an open layer, --classes 1 to 12 and --method equal, quantile or jenks</source>
        <translation>citytwin render：--color-by 需要已打开图层的 图层.字段，--classes 为 1 至 12，--method 为 equal、quantile 或 jenks</translation>
    </message>
    <message>
        <source>citytwin render: layer %1 has no field %2</source>
        <translation>citytwin render：图层 %1 没有字段 %2</translation>
    </message>
    <message>
        <source>Draws the density of the incidents as a heat layer on the ground.</source>
        <translation>将事件密度以热力图绘制在地面上。</translation>
    </message>
    <message>
        <source>incidents per km²</source>
        <translation>事件数/平方公里</translation>
    </message>
    <message>
        <source>With --color-by on areas: draws them as 3D columns whose height is the value.</source>
        <translation>与 --color-by 一起用于面图层：绘制为高度与数值成比例的三维柱体。</translation>
    </message>
    <message>
        <source>Look of the view: day (default) or night (dark, for a big screen).</source>
        <translation>视图外观：day（白天，默认）或 night（夜间深色，适合大屏）。</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>citytwin render: unknown --theme &apos;%1&apos; (expected day or night)</source>
        <translation>citytwin render：未知的 --theme“%1”（应为 day 或 night）</translation>
    </message>
    <message>
        <source>The CRS of CityGML files that declare none, or one that is not recognised (EPSG:n or a CRS name).</source>
        <translation>未声明坐标系或坐标系无法识别的 CityGML 文件所用的坐标系（EPSG:n 或坐标系名称）。</translation>
    </message>
    <message>
        <source>crs</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>citytwin render: warning: %1: %2</source>
        <translation>citytwin render：警告：%1：%2</translation>
    </message>
    <message>
        <source>citytwin render: warning: %1 has no usable CRS (%2): shown at its own coordinates; --crs EPSG:n places it</source>
        <translation>citytwin render：警告：%1 没有可用的坐标系（%2）：按自身坐标显示；可用 --crs EPSG:n 定位</translation>
    </message>
    <message>
        <source>Heavier effects: shadows, ao (ambient occlusion), bloom, comma-separated, or all or none (default).</source>
        <translation>较重的效果：shadows（阴影）、ao（环境光遮蔽）、bloom（泛光），以逗号分隔；或 all（全部）、none（无，默认）。</translation>
    </message>
    <message>
        <source>effects</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>citytwin render: unknown --effects &apos;%1&apos; (expected shadows, ao, bloom, all or none)</source>
        <translation>citytwin render：未知的 --effects“%1”（应为 shadows、ao、bloom、all 或 none）</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ReportCommand</name>
    <message>
        <source>citytwin report: %1</source>
        <translation>citytwin report：%1</translation>
    </message>
    <message>
        <source>Makes a map report of a project without the window: PDF (vector maps, charts and tables, Chinese text with its fonts embedded), PNG (one file per page) or SVG (one page). Ready templates: %1; or one saved in the project. Prints each page as it is made. 3D map frames need an OpenGL display (xvfb-run -a).</source>
        <translation>不打开窗口制作项目的地图报告：PDF（矢量地图、图表和表格，中文文字并嵌入字体）、PNG（每页一个文件）或 SVG（一页）。现成模板：%1；或项目中保存的模板。每完成一页即打印进度。三维地图框需要 OpenGL 显示（xvfb-run -a）。</translation>
    </message>
    <message>
        <source>The project GeoPackage.</source>
        <translation>项目 GeoPackage 文件。</translation>
    </message>
    <message>
        <source>The report template (default weekly).</source>
        <translation>报告模板（默认 weekly）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The file to write (PNG: one file per page, numbered, when there are several).</source>
        <translation>输出文件（PNG：多页时每页一个带编号的文件）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>One page per community, grid or street (overrides the template&apos;s).</source>
        <translation>按社区、网格或街道每个一页（覆盖模板的设置）。</translation>
    </message>
    <message>
        <source>level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Only these areas of the atlas (ids, comma-separated).</source>
        <translation>只制作图集中的这些区域（编号，逗号分隔）。</translation>
    </message>
    <message>
        <source>ids</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Incidents reported from this day or time (district time).</source>
        <translation>自该日期或时刻起上报的事件（本区时间）。</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Incidents reported up to this day (included) or time.</source>
        <translation>截至该日期（含当天）或时刻上报的事件。</translation>
    </message>
    <message>
        <source>A filter saved in the project (Analysis dock).</source>
        <translation>项目中保存的筛选（分析面板）。</translation>
    </message>
    <message>
        <source>Only these incident categories (codes or names).</source>
        <translation>只包括这些事件类型（代码或名称）。</translation>
    </message>
    <message>
        <source>categories</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Resolution of pictures: PNG pages and 3D frames (default 300).</source>
        <translation>图片分辨率：PNG 页面和三维地图框（默认 300）。</translation>
    </message>
    <message>
        <source>dpi</source>
        <translation>dpi</translation>
    </message>
    <message>
        <source>pdf, png or svg (default: from the file name, else pdf).</source>
        <translation>pdf、png 或 svg（默认按文件扩展名，否则为 pdf）。</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Language of the report and messages: zh_CN or en.</source>
        <translation>报告与提示的语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>give one project</source>
        <translation>请给出一个项目</translation>
    </message>
    <message>
        <source>--out FILE is required</source>
        <translation>必须给出 --out FILE</translation>
    </message>
    <message>
        <source>unknown --format &apos;%1&apos; (pdf, png or svg)</source>
        <translation>未知的 --format“%1”（pdf、png 或 svg）</translation>
    </message>
    <message>
        <source>--dpi must be 36 to 1200</source>
        <translation>--dpi 必须在 36 到 1200 之间</translation>
    </message>
    <message>
        <source>unknown --atlas &apos;%1&apos; (community, grid or street)</source>
        <translation>未知的 --atlas“%1”（community、grid 或 street）</translation>
    </message>
    <message>
        <source>--area: &apos;%1&apos; is not an area id</source>
        <translation>--area：“%1”不是区域编号</translation>
    </message>
    <message>
        <source>%1: no such incident category in %2</source>
        <translation>%1：%2 中没有此事件类别</translation>
    </message>
    <message>
        <source>citytwin report: warning: %1; the frame is drawn as a top-down map</source>
        <translation>citytwin report：警告：%1；该地图框改为绘制俯视地图</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) in %1 s</source>
        <translation>
            <numerusform>共 %n 页，用时 %1 秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>citytwin::app::ReportData</name>
    <message>
        <source>all time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>%1 起</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>all categories</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>overdue only</source>
        <translation>仅超期</translation>
    </message>
    <message>
        <source>%1, whole district</source>
        <translation>%1全区</translation>
    </message>
    <message>
        <source>%3 %1</source>
        <comment>a calendar month: %1 year, %2 month number, %3 month name</comment>
        <translation>%1年%2月</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ReportDialog</name>
    <message>
        <source>the district&apos;s week on one page</source>
        <translation>全区一周情况，一页</translation>
    </message>
    <message>
        <source>incidents, a page per community</source>
        <translation>事件情况，每个社区一页</translation>
    </message>
    <message>
        <source>party organisation coverage, a page per community</source>
        <translation>党组织覆盖情况，每个社区一页</translation>
    </message>
    <message>
        <source>day-care service coverage, a page per street</source>
        <translation>日间照料服务覆盖，每个街道一页</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>分页：</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>分辨率：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Edit Template…</source>
        <translation>编辑模板…</translation>
    </message>
    <message>
        <source>Change the page, the title and the items of the template, and save it in the project</source>
        <translation>修改模板的页面、标题和版面元素，并保存到项目中</translation>
    </message>
    <message>
        <source>One page for the district, or an atlas: a page for each community, grid cell or street</source>
        <translation>全区一页，或图集：每个社区、网格或街道各一页</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Only the ticked ones</source>
        <translation>仅勾选的</translation>
    </message>
    <message>
        <source>Use the Analysis dock&apos;s filter</source>
        <translation>使用分析面板的筛选条件</translation>
    </message>
    <message>
        <source>Off: all incidents — the weekly report shows the latest whole week of data, atlases all time</source>
        <translation>不勾选：使用全部事件——周报显示数据中最近完整的一周，图集显示全部时间</translation>
    </message>
    <message>
        <source>PDF (vector, all pages in one file)</source>
        <translation>PDF（矢量，所有页面在一个文件中）</translation>
    </message>
    <message>
        <source>PNG (a picture per page)</source>
        <translation>PNG（每页一张图片）</translation>
    </message>
    <message>
        <source>SVG (the first page)</source>
        <translation>SVG（仅第一页）</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>The resolution of PNG pages and of 3D map frames</source>
        <translation>PNG 页面和三维地图框的分辨率</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Page </source>
        <translation>第 </translation>
    </message>
    <message>
        <source>%1 — the project&apos;s version</source>
        <translation>%1 — 项目中的版本</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — saved in the project</source>
        <translation>%1 — 保存在项目中</translation>
    </message>
    <message>
        <source>As the template: %1</source>
        <translation>按模板：%1</translation>
    </message>
    <message>
        <source>The Analysis dock&apos;s incidents are still loading: the report uses all incidents.</source>
        <translation>分析面板的事件仍在加载：报告将使用全部事件。</translation>
    </message>
    <message>
        <source> · inside the area drawn on the map</source>
        <translation> · 地图上绘制的区域内</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a template.</source>
        <translation>请选择模板。</translation>
    </message>
    <message>
        <source>Tick at least one area, or choose All.</source>
        <translation>请至少勾选一个区域，或选择“全部”。</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>请选择要写出的文件。</translation>
    </message>
    <message>
        <source>%1: the folder does not exist.</source>
        <translation>%1：文件夹不存在。</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> 页，共 %1 页</translation>
    </message>
    <message>
        <source>Nothing to show: the project has no areas of this kind.</source>
        <translation>无可显示内容：项目中没有此类区域。</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在写出报告…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Page %1 of %2 written…</source>
        <translation>已写出第 %1 页，共 %2 页…</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>已取消导出：未写出任何文件。</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>报告无法写出：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) written: %1</source>
        <translation>
            <numerusform>已写出 %n 页：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>3D frames drawn as top-down maps: %1</source>
        <translation>三维地图框改为俯视地图绘制：%1</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>More than a week: untick to report the latest whole week of data.</source>
        <translation>超过一周：不勾选则报告数据中最近完整的一周。</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ReportMapPainter</name>
    <message>
        <source>Incidents per grid cell</source>
        <translation>各网格事件数</translation>
    </message>
    <message>
        <source>Incidents per community</source>
        <translation>各社区事件数</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1: main</source>
        <translation>%1：主干道</translation>
    </message>
    <message>
        <source>%1: local</source>
        <translation>%1：支路</translation>
    </message>
    <message numerus="yes">
        <source>Incidents (%n)</source>
        <translation>
            <numerusform>事件（%n 件）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>citytwin::app::ReportPainter</name>
    <message numerus="yes">
        <source>%n more not shown</source>
        <translation>
            <numerusform>另有 %n 条未列出</numerusform>
        </translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件数</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Found by camera AI</source>
        <translation>视频AI发现</translation>
    </message>
    <message>
        <source>Median hours to close</source>
        <translation>结案时长中位数（小时）</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <source>Buildings with a party group</source>
        <translation>建有楼栋党小组的楼栋</translation>
    </message>
    <message>
        <source>Households reached by 1+10 links</source>
        <translation>1+10联户覆盖户数比例</translation>
    </message>
    <message>
        <source>Party branches</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Residents within 500 m of day care</source>
        <translation>500米内有日间照料站的居民</translation>
    </message>
    <message>
        <source>Day-care stations</source>
        <translation>日间照料站</translation>
    </message>
    <message>
        <source>Incidents this week</source>
        <translation>本周事件</translation>
    </message>
    <message>
        <source>Closed on time</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>当前超期</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>%1 %2 on the week before</source>
        <translation>较上周 %1 %2</translation>
    </message>
    <message>
        <source>Incidents per day, last 30 days</source>
        <translation>近30天每日事件数</translation>
    </message>
    <message>
        <source>Incidents by category</source>
        <translation>各类型事件数</translation>
    </message>
    <message>
        <source>No incidents.</source>
        <translation>无事件。</translation>
    </message>
    <message>
        <source>Source: CityTwin · %1 · data as of %2</source>
        <translation>来源：CityTwin · %1 · 数据截至 %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 / 共 %2 页</translation>
    </message>
    <message numerus="yes">
        <source>%n communities</source>
        <translation>
            <numerusform>%n 个社区</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n grid cells</source>
        <translation>
            <numerusform>%n 个网格</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n streets</source>
        <translation>
            <numerusform>%n 个街道</numerusform>
        </translation>
    </message>
    <message>
        <source>One page per area: %1 · %2 pages · data as of %3</source>
        <translation>每个区域一页：%1 · 共 %2 页 · 数据截至 %3</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Grids with the most incidents</source>
        <translation>事件最多的网格</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Median h</source>
        <translation>中位时长</translation>
    </message>
    <message>
        <source>Overdue cases</source>
        <translation>超期案件</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <source>Hours open</source>
        <translation>已历时（小时）</translation>
    </message>
    <message>
        <source>Least covered communities</source>
        <translation>覆盖率最低的社区</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ReportScene</name>
    <message>
        <source>the project has no bookmark &apos;%1&apos;</source>
        <translation>项目中没有书签“%1”</translation>
    </message>
    <message>
        <source>cannot render the 3D view: %1</source>
        <translation>无法渲染三维视图：%1</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ReportWriter</name>
    <message>
        <source>the template &apos;%1&apos; cannot be read: %2</source>
        <translation>无法读取模板“%1”：%2</translation>
    </message>
    <message>
        <source>no report template &apos;%1&apos; (ready ones: %2)</source>
        <translation>没有报告模板“%1”（现成模板：%2）</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>{filter} · data as of {date}</source>
        <translation>{filter} · 数据截至 {date}</translation>
    </message>
    <message>
        <source>{area}: incidents</source>
        <translation>{area}：事件情况</translation>
    </message>
    <message>
        <source>{area}: party organisation coverage</source>
        <translation>{area}：党组织覆盖情况</translation>
    </message>
    <message>
        <source>{district} · data as of {date}</source>
        <translation>{district} · 数据截至 {date}</translation>
    </message>
    <message>
        <source>{area}: day-care service coverage</source>
        <translation>{area}：日间照料服务覆盖</translation>
    </message>
    <message>
        <source>{district} · residents within 500 m of a day-care station · data as of {date}</source>
        <translation>{district} · 500米内有日间照料站的居民 · 数据截至 {date}</translation>
    </message>
    <message>
        <source>{district}: incidents briefing</source>
        <translation>{district}：事件简报</translation>
    </message>
    <message>
        <source>Buildings with a party group: residential buildings of {area} where a party group of the building is registered, as a share of its residential buildings. Households reached by 1+10 links: households of its buildings linked to a party member&apos;s household, as a share of all its households. Branches: party branches registered in {area}.</source>
        <translation>建有楼栋党小组的楼栋：{area}登记有楼栋党小组的住宅楼栋占全部住宅楼栋的比例。1+10联户覆盖户数比例：{area}楼栋中与党员户结对联系的住户占全部住户的比例。党支部：{area}登记的党支部数。</translation>
    </message>
    <message>
        <source>%1: no areas for the atlas (the project has no %2 layer, or it is empty)</source>
        <translation>%1：图集没有区域（项目中没有 %2 图层，或该图层为空）</translation>
    </message>
    <message>
        <source>%1: none of the areas asked for (--area) is in its %2 layer</source>
        <translation>%1：--area 给出的区域都不在其 %2 图层中</translation>
    </message>
    <message>
        <source>the disk is full or a file-size limit was reached: %1 of %2 bytes written</source>
        <translation>磁盘已满或已达到文件大小上限：只写入了 %2 字节中的 %1 字节</translation>
    </message>
</context>
<context>
    <name>citytwin::app::SampleCommand</name>
    <message>
        <source>The project file to write (must not exist).</source>
        <translation>要写入的项目文件（不得已存在）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Random seed; the same seed gives the same district.</source>
        <translation>随机种子；相同的种子生成相同的城区。</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN or en.</source>
        <translation>消息语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>citytwin sample: %1</source>
        <translation>citytwin sample：%1</translation>
    </message>
    <message>
        <source>%1: district of %2 km², %3 streets, %4 communities, %5 grid cells, %6 residents (%7 s)</source>
        <translation>%1：城区面积 %2 平方公里，%3 个街道，%4 个社区，%5 个网格，常住人口 %6（用时 %7 秒）</translation>
    </message>
    <message>
        <source>Writes the built-in sample district (a Lubei-sized twin, EPSG:4548) into a new project GeoPackage: the district, its streets, 175 communities, 2,257 grid cells, roads, the river, 6,000+ buildings, service stations, cameras, party organizations, a year of incidents, a DEM and an image to drape, and five bookmarks.</source>
        <translation>将内置样例城区（与路北区同等规模的数字孪生，EPSG:4548）写入新的项目 GeoPackage：城区边界、街道、175 个社区、2,257 个网格、道路、河流、6,000 余栋建筑、服务站点、摄像头、党组织、一年的事件、DEM 与可叠加的影像，以及五个书签。</translation>
    </message>
    <message>
        <source>Multiplies the buildings and incidents (10 gives 60,000+ buildings and 3M+ incidents).</source>
        <translation>建筑与事件数量的倍数（10 即 6 万余栋建筑、300 余万条事件）。</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>倍数</translation>
    </message>
    <message>
        <source>Generates the sample into the user&apos;s data folder unless it is there already, and prints its path.</source>
        <translation>若用户数据目录中尚无样例则生成之，并输出其路径。</translation>
    </message>
    <message>
        <source>  %1: %2 s</source>
        <translation>  %1：%2 秒</translation>
    </message>
    <message>
        <source>citytwin sample: --out FILE is required, --seed must be a whole number and --scale a number above 0 and at most 100</source>
        <translation>citytwin sample：必须给出 --out FILE，--seed 必须为整数，--scale 必须为大于 0 且不超过 100 的数</translation>
    </message>
    <message>
        <source>  %1 buildings, %2 stations, %3 cameras, %4 party organizations with %5 links, %6 incidents, %7 bookmarks</source>
        <translation>  建筑 %1 栋，站点 %2 个，摄像头 %3 个，党组织 %4 个（联系 %5 条），事件 %6 条，书签 %7 个</translation>
    </message>
    <message>
        <source>The number of incidents, whatever the scale (default: about 330,000 times the scale).</source>
        <translation>事件条数，与倍数无关（默认：约 33 万乘以倍数）。</translation>
    </message>
    <message>
        <source>citytwin sample: --incidents must be a whole number from 0 to 100000000</source>
        <translation>citytwin sample：--incidents 必须是 0 到 100000000 之间的整数</translation>
    </message>
</context>
<context>
    <name>citytwin::app::SampleProject</name>
    <message>
        <source>%1: the folder cannot be created</source>
        <translation>%1：无法创建该文件夹</translation>
    </message>
    <message>
        <source>%1: the sample could not be moved into place</source>
        <translation>%1：无法将样例移动到位</translation>
    </message>
</context>
<context>
    <name>citytwin::app::SimulateLiveCommand</name>
    <message>
        <source>Appends realistic new incidents to a project as a live reporting system would: each modelled on a past incident (its category, source, grid cell and place, moved a few metres), reported now and not yet dispatched. For briefing demos and tests; viewers of the project show them as they arrive.</source>
        <translation>按实时上报系统的方式向项目追加逼真的新事件：每件仿照一件既往事件（相同类别、来源、网格与地点，位置偏移数米），上报时间为当前，尚未派遣。用于汇报演示和测试；打开该项目的窗口会在事件到达时显示它们。</translation>
    </message>
    <message>
        <source>The project GeoPackage to append to.</source>
        <translation>要追加事件的项目 GeoPackage。</translation>
    </message>
    <message>
        <source>New incidents a minute (e.g. 6, or 0.5).</source>
        <translation>每分钟新增事件数（如 6 或 0.5）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Stop after this many seconds (default: run until interrupted).</source>
        <translation>运行指定秒数后停止（默认：一直运行直到被中断）。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>Random seed (default: from the clock).</source>
        <translation>随机种子（默认取自时钟）。</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN or en.</source>
        <translation>消息语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>citytwin simulate-live: %1</source>
        <translation>citytwin simulate-live：%1</translation>
    </message>
    <message>
        <source>citytwin simulate-live: give one PROJECT, --rate as incidents a minute above 0 (at most 60000) and --duration as seconds above 0</source>
        <translation>citytwin simulate-live：请给出一个 PROJECT，--rate 为每分钟事件数（大于 0，至多 60000），--duration 为大于 0 的秒数</translation>
    </message>
    <message>
        <source>citytwin simulate-live: %1: no such file</source>
        <translation>citytwin simulate-live：%1：文件不存在</translation>
    </message>
    <message>
        <source>%1 +%2 new incidents (%3 in the project)</source>
        <translation>%1 新增 %2 件事件（项目共 %3 件）</translation>
    </message>
</context>
<context>
    <name>citytwin::app::SourceLoader</name>
    <message>
        <source>Loaded %1</source>
        <translation>已加载 %1</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n new incident(s)</source>
        <translation>
            <numerusform>新增 %n 条事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %1: %n building(s)</source>
        <translation>
            <numerusform>已加载 %1：%n 栋建筑</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>%1 has no layer %2</source>
        <translation>%1 中没有图层 %2</translation>
    </message>
    <message>
        <source>3D Tiles: %1</source>
        <translation>3D Tiles：%1</translation>
    </message>
</context>
<context>
    <name>citytwin::app::StatsCommand</name>
    <message>
        <source>Analyses a project and writes one table: a header row, then one row per area (first column the area id) or item.
Subjects:
  incidents  per grid or community: count, open, overdue, ai_share, median / p90 hours to dispatch, handle and close
  party      party-organization coverage per grid or community
  services   share of residents (elderly, children) within walking distance of a kind of station
  cameras    share of each grid&apos;s open ground and streets in view of a camera, blind spots
  hotspots   a week against the weeks before per grid, with Getis-Ord Gi* and plain-word statements
  recurring  places where incidents of one category keep recurring
  count      points counted into polygons straight from the project file (the fast spatial join)
Times without a zone are Beijing time; --to DATE includes that day.</source>
        <translation>分析项目并输出一张表：首行为表头，其后每行一个区域（第一列为区域编号）或条目。
分析对象：
  incidents  按网格或社区：事件数、未办结、超期、视频AI占比、派遣/处置/办结用时的中位数与 90 分位（小时）
  party      按网格或社区的党组织覆盖
  services   某类站点步行距离内的居民（老人、儿童）占比
  cameras    各网格开放地面与街道在摄像头视野内的比例、盲区
  hotspots   按网格将某周与前几周对比，含 Getis-Ord Gi* 与通俗结论
  recurring  同类事件反复发生的地点
  count      直接从项目文件统计落入各多边形的点数（快速空间连接）
不带时区的时间按北京时间；--to 日期 包含当天。</translation>
    </message>
    <message>
        <source>What to analyse (see above).</source>
        <translation>分析对象（见上）。</translation>
    </message>
    <message>
        <source>The project file (default: the built-in sample).</source>
        <translation>项目文件（默认：内置示例）。</translation>
    </message>
    <message>
        <source>area</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Incident categories (code or name, comma-separated).</source>
        <translation>事件类别（代码或名称，逗号分隔）。</translation>
    </message>
    <message>
        <source>list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Incident sources: camera_ai, grid_inspector, hotline, citizen_app.</source>
        <translation>事件来源：camera_ai、grid_inspector、hotline、citizen_app。</translation>
    </message>
    <message>
        <source>Incident statuses: reported, dispatched, handled, closed.</source>
        <translation>事件状态：reported、dispatched、handled、closed。</translation>
    </message>
    <message>
        <source>Reported at or after this date or time.</source>
        <translation>上报时间不早于此日期或时刻。</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reported before this time (a date: to its end).</source>
        <translation>上报时间早于此时刻（给日期则含当天）。</translation>
    </message>
    <message>
        <source>The moment open and overdue cases are judged at (default: now).</source>
        <translation>判定未办结与超期的时刻（默认：现在）。</translation>
    </message>
    <message>
        <source>Only overdue incidents.</source>
        <translation>仅超期事件。</translation>
    </message>
    <message>
        <source>Station kind for services (e.g. day_care).</source>
        <translation>服务站点类型（如 day_care）。</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Walking distances in metres (services), or the linking distance of recurring places.</source>
        <translation>步行距离（米，用于 services），或反复发生地点的关联距离。</translation>
    </message>
    <message>
        <source>metres</source>
        <translation>米</translation>
    </message>
    <message>
        <source>Services: print N suggested sites for new stations (to standard error).</source>
        <translation>services：给出 N 个新站点建议位置（输出到标准错误）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Hotspots: the week, by any day in it.</source>
        <translation>hotspots：所分析的周（给出该周任一天）。</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Hotspots: weeks compared against (default 4).</source>
        <translation>hotspots：对比的前几周（默认 4）。</translation>
    </message>
    <message>
        <source>Recurring places: time window in days.</source>
        <translation>反复发生地点：时间窗（天）。</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Recurring places: fewest incidents.</source>
        <translation>反复发生地点：最少事件数。</translation>
    </message>
    <message>
        <source>Count: the point table.</source>
        <translation>count：点表。</translation>
    </message>
    <message>
        <source>table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>Count: the polygon table.</source>
        <translation>count：多边形表。</translation>
    </message>
    <message>
        <source>Output: csv, json or gpkg.</source>
        <translation>输出格式：csv、json 或 gpkg。</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Write to this file instead of standard output.</source>
        <translation>写入此文件而非标准输出。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN or en.</source>
        <translation>提示语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>citytwin stats: %1</source>
        <translation>citytwin stats：%1</translation>
    </message>
    <message>
        <source>say what to analyse: %1 (citytwin stats --help)</source>
        <translation>请指定分析对象：%1（citytwin stats --help）</translation>
    </message>
    <message>
        <source>citytwin stats: no project given; using the built-in sample district %1</source>
        <translation>citytwin stats：未指定项目，使用内置示例城区 %1</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <source>--format must be csv, json or gpkg</source>
        <translation>--format 须为 csv、json 或 gpkg</translation>
    </message>
    <message>
        <source>--format gpkg needs --out FILE</source>
        <translation>--format gpkg 需要 --out 文件</translation>
    </message>
    <message>
        <source>%1: will not write results into the project itself; choose another --out file</source>
        <translation>%1：不会把结果写入项目文件本身，请另选 --out 文件</translation>
    </message>
    <message>
        <source>%1: no such incident category in %2</source>
        <translation>%1：%2 中没有此事件类别</translation>
    </message>
    <message>
        <source>hotspots needs --week DATE (any day of the week)</source>
        <translation>hotspots 需要 --week 日期（该周任一天）</translation>
    </message>
    <message>
        <source>--week: %1 is not a date</source>
        <translation>--week：%1 不是日期</translation>
    </message>
    <message>
        <source>--weeks-before must be 1 to 52</source>
        <translation>--weeks-before 须为 1 到 52</translation>
    </message>
    <message>
        <source>%1 has no grids layer</source>
        <translation>%1 没有网格图层</translation>
    </message>
    <message>
        <source>citytwin stats: week of %1 against the %2 weeks before</source>
        <translation>citytwin stats：%1 所在周对比前 %2 周</translation>
    </message>
    <message>
        <source>recurring needs --distance above 0, --days at least 0 and --min at least 2</source>
        <translation>recurring 需要 --distance 大于 0、--days 不小于 0、--min 不小于 2</translation>
    </message>
    <message>
        <source>citytwin stats: district: %1 of %2 residential buildings have a building group (%3%), %4% of households reached by a 1+10 link; %5 populated grids without a branch</source>
        <translation>citytwin stats：全区 %2 栋住宅楼中 %1 栋建有楼栋党小组（%3%），“1+10”联系覆盖 %4% 的住户；%5 个有人居住的网格没有党支部</translation>
    </message>
    <message>
        <source>--distance must be metres above 0 (e.g. 500 or 500,1000)</source>
        <translation>--distance 须为大于 0 的米数（如 500 或 500,1000）</translation>
    </message>
    <message>
        <source>citytwin stats: district: %1 of %2 people (%3%) within %4 m of a %5 station</source>
        <translation>citytwin stats：全区 %2 人中 %1 人（%3%）住在 %5 站点 %4 米以内</translation>
    </message>
    <message>
        <source>  suggested site: building %1 (%2, %3): +%4 people, %5% covered after it</source>
        <translation>  建议站点：建筑 %1（%2, %3）：新增覆盖 %4 人，之后覆盖率 %5%</translation>
    </message>
    <message>
        <source>citytwin stats: %1% of open ground and %2% of streets in view; %3 grids with blind spots</source>
        <translation>citytwin stats：%1% 的开放地面和 %2% 的街道在视野内；%3 个网格存在盲区</translation>
    </message>
    <message>
        <source>citytwin stats: %1 points, %2 outside every polygon, %3 without a readable point</source>
        <translation>citytwin stats：%1 个点，%2 个不在任何多边形内，%3 个无有效点位</translation>
    </message>
    <message>
        <source>%1: cannot write the file</source>
        <translation>%1：无法写入文件</translation>
    </message>
    <message>
        <source>citytwin stats: %1 rows in %2 s</source>
        <translation>citytwin stats：%1 行，用时 %2 秒</translation>
    </message>
    <message>
        <source>Overdue limits instead of the project&apos;s, hours per category: street_vending=12,noise=48.</source>
        <translation>替代项目设置的超期时限，按类别以小时计：street_vending=12,noise=48。</translation>
    </message>
    <message>
        <source>--overdue-hours: %1 is not CATEGORY=HOURS with a known category</source>
        <translation>--overdue-hours：%1 不是“类别=小时”的形式或类别未知</translation>
    </message>
    <message>
        <source>Only incidents of these grid cells (ids).</source>
        <translation>仅这些网格（编号）的事件。</translation>
    </message>
    <message>
        <source>Only incidents of the grid cells of this community (id).</source>
        <translation>仅此社区（编号）各网格的事件。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Only incidents inside the polygons of this file (any vector source).</source>
        <translation>仅位于此文件（任意矢量数据源）多边形内的事件。</translation>
    </message>
    <message>
        <source>%1: no polygon to take as the area</source>
        <translation>%1：没有可作为区域的多边形</translation>
    </message>
    <message>
        <source>%1 has no stations of kind %2 (it has: %3)</source>
        <translation>%1 中没有 %2 类站点（已有：%3）</translation>
    </message>
    <message>
        <source>--by must be grid or community (category for incidents, station for services)</source>
        <translation>--by 须为 grid 或 community（事件还可为 category，服务还可为 station）</translation>
    </message>
    <message>
        <source>Areas: grid or community; incidents also by category, services by station (its load).</source>
        <translation>统计单元：grid（网格）或 community（社区）；事件还可按 category（类别），服务还可按 station（站点负荷）。</translation>
    </message>
    <message>
        <source>Start from a filter saved in the project (the other options add to it).</source>
        <translation>以项目中保存的筛选为起点（其他选项在其上叠加）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>citytwin::app::TableColumnOptions</name>
    <message>
        <source>A point table&apos;s longitude or easting column (with --y-field).</source>
        <translation>点表的经度或东坐标列（与 --y-field 同用）。</translation>
    </message>
    <message>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>A point table&apos;s latitude or northing column (with --x-field).</source>
        <translation>点表的纬度或北坐标列（与 --x-field 同用）。</translation>
    </message>
    <message>
        <source>A table&apos;s geometry column (WKT or GeoJSON).</source>
        <translation>表格的几何列（WKT 或 GeoJSON）。</translation>
    </message>
    <message>
        <source>--x-field and --y-field go together</source>
        <translation>--x-field 与 --y-field 须同时给出</translation>
    </message>
    <message>
        <source>give either --x-field and --y-field, or --geometry-field</source>
        <translation>请给出 --x-field 和 --y-field，或 --geometry-field，二者择一</translation>
    </message>
</context>
<context>
    <name>citytwin::app::TableColumnsDialog</name>
    <message>
        <source>Coordinate columns</source>
        <translation>坐标列</translation>
    </message>
    <message>
        <source>No coordinate columns were recognised in &lt;b&gt;%1&lt;/b&gt;, so its rows have no place on the map. Choose the columns that hold its coordinates.</source>
        <translation>未能在 &lt;b&gt;%1&lt;/b&gt; 中识别出坐标列，其记录无法落图。请选择存放坐标的列。</translation>
    </message>
    <message>
        <source>Two columns: X (longitude or easting) and Y (latitude or northing)</source>
        <translation>两列：X（经度或东坐标）和 Y（纬度或北坐标）</translation>
    </message>
    <message>
        <source>X column:</source>
        <translation>X 列：</translation>
    </message>
    <message>
        <source>Y column:</source>
        <translation>Y 列：</translation>
    </message>
    <message>
        <source>One column with a WKT or GeoJSON geometry</source>
        <translation>一列 WKT 或 GeoJSON 几何</translation>
    </message>
    <message>
        <source>Geometry column:</source>
        <translation>几何列：</translation>
    </message>
</context>
<context>
    <name>citytwin::app::TemplateEditor</name>
    <message>
        <source>Edit Report Template</source>
        <translation>编辑报告模板</translation>
    </message>
    <message>
        <source>One page for the district</source>
        <translation>全区一页</translation>
    </message>
    <message>
        <source>A page per community</source>
        <translation>每个社区一页</translation>
    </message>
    <message>
        <source>A page per grid cell</source>
        <translation>每个网格一页</translation>
    </message>
    <message>
        <source>A page per street</source>
        <translation>每个街道一页</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> 毫米</translation>
    </message>
    <message>
        <source>Margin:</source>
        <translation>页边距：</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>页面：</translation>
    </message>
    <message>
        <source>Placeholders: {area} the page&apos;s area, {district} the district, {period} the filter&apos;s time range, {filter} the filter in words, {date} the data&apos;s date, {project} the project&apos;s name</source>
        <translation>占位符：{area} 本页区域，{district} 辖区，{period} 筛选的时间范围，{filter} 筛选条件的文字描述，{date} 数据日期，{project} 项目名称</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Subtitle:</source>
        <translation>副标题：</translation>
    </message>
    <message>
        <source>Footer:</source>
        <translation>页脚：</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>An atlas of several areas opens with a cover page</source>
        <translation>包含多个区域的图集以封面开头</translation>
    </message>
    <message>
        <source>An atlas of several areas lists its pages after the cover</source>
        <translation>包含多个区域的图集在封面后列出页码目录</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>分页：</translation>
    </message>
    <message>
        <source>Items (boxes as fractions of the printable area, 0 to 1)</source>
        <translation>版面元素（位置和大小为可打印区域的比例，0 到 1）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>key=value; key=value — hold the pointer over a cell for its kind&apos;s options</source>
        <translation>键=值; 键=值——将指针停在单元格上可查看该类型的选项</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Adds a text item after the selected one; choose its kind in the first column</source>
        <translation>在所选元素之后添加一个文字元素；可在第一列选择其类型</translation>
    </message>
    <message>
        <source>Save to Project</source>
        <translation>保存到项目</translation>
    </message>
    <message>
        <source>Keeps the template in the project under its name; Export Report lists it</source>
        <translation>以该名称将模板保存在项目中；“导出报告”中会列出它</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Removes the template of this name from the project</source>
        <translation>从项目中删除此名称的模板</translation>
    </message>
    <message>
        <source>Import JSON…</source>
        <translation>导入 JSON…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Import Report Template</source>
        <translation>导入报告模板</translation>
    </message>
    <message>
        <source>Report templates (*.json)</source>
        <translation>报告模板 (*.json)</translation>
    </message>
    <message>
        <source>Export Report Template</source>
        <translation>导出报告模板</translation>
    </message>
    <message>
        <source>Item %1 (%2): %3</source>
        <translation>第 %1 个元素（%2）：%3</translation>
    </message>
    <message>
        <source>Give the template a name to save it.</source>
        <translation>为模板命名后即可保存。</translation>
    </message>
    <message>
        <source>The project&apos;s version of a ready template: Delete brings the ready one back.</source>
        <translation>这是内置模板在项目中的版本：删除后恢复内置模板。</translation>
    </message>
    <message>
        <source>A ready template&apos;s name: saved under it, this version replaces the ready one in this project. Choose another name to keep both.</source>
        <translation>这是内置模板的名称：以此名称保存后，本项目中将用此版本代替内置模板。如需两者并存，请另取名称。</translation>
    </message>
    <message>
        <source>Saved in the project.</source>
        <translation>已保存在项目中。</translation>
    </message>
    <message>
        <source>Not saved in the project yet.</source>
        <translation>尚未保存到项目中。</translation>
    </message>
    <message>
        <source>The template cannot be saved. %1</source>
        <translation>模板无法保存。%1</translation>
    </message>
    <message>
        <source>Give the template a name before saving it.</source>
        <translation>保存前请为模板命名。</translation>
    </message>
    <message>
        <source>Saved in the project as &apos;%1&apos;.</source>
        <translation>已以“%1”为名保存到项目中。</translation>
    </message>
    <message>
        <source>Delete Report Template</source>
        <translation>删除报告模板</translation>
    </message>
    <message>
        <source>Delete the template &apos;%1&apos; from the project?</source>
        <translation>从项目中删除模板“%1”？</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not saved in the project: only the project&apos;s own templates can be deleted.</source>
        <translation>“%1”未保存在项目中：只能删除项目自己的模板。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was deleted from the project.</source>
        <translation>已从项目中删除“%1”。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 无法读取：%2</translation>
    </message>
    <message>
        <source>%1 is not a report template: it is far too large for one</source>
        <translation>%1 不是报告模板：文件过大</translation>
    </message>
    <message>
        <source>%1 is not a report template: %2</source>
        <translation>%1 不是报告模板：%2</translation>
    </message>
    <message>
        <source>Imported %1; Save to Project keeps it.</source>
        <translation>已导入 %1；点击“保存到项目”即可保留。</translation>
    </message>
    <message>
        <source>Give the template a name before exporting it.</source>
        <translation>导出前请为模板命名。</translation>
    </message>
    <message>
        <source>The template cannot be exported. %1</source>
        <translation>模板无法导出。%1</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 无法写入：%2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
</context>
<context>
    <name>citytwin::app::TemplateItems</name>
    <message>
        <source>&apos;%1&apos; is not key=value</source>
        <translation>“%1”不是 键=值 的形式</translation>
    </message>
    <message>
        <source>source must be top-down or bookmark:NAME, not &apos;%1&apos;</source>
        <translation>source 应为 top-down 或 bookmark:书签名，而不是“%1”</translation>
    </message>
    <message>
        <source>chart must be %1, not &apos;%2&apos;</source>
        <translation>chart 应为 %1，而不是“%2”</translation>
    </message>
    <message>
        <source>table must be one of %1, not &apos;%2&apos;</source>
        <translation>table 应为 %1 之一，而不是“%2”</translation>
    </message>
    <message>
        <source>rows must be a whole number from 1 to 200, not &apos;%1&apos;</source>
        <translation>rows 应为 1 到 200 的整数，而不是“%1”</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Scale bar</source>
        <translation>比例尺</translation>
    </message>
    <message>
        <source>North arrow</source>
        <translation>指北针</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>source=top-down (drawn from the layers) or bookmark:NAME (a bookmark&apos;s 3D view); layers=the project&apos;s tables drawn, bottom first (communities,grids,river,roads,buildings,stations,incidents); field=count colours the areas by their incidents</source>
        <translation>source=top-down（由图层绘制的俯视图）或 bookmark:书签名（书签的三维视图）；layers=要绘制的项目图层表，自下而上（communities,grids,river,roads,buildings,stations,incidents）；field=count 按事件数为区域着色</translation>
    </message>
    <message>
        <source>figures=codes, comma-separated: count, open, overdue, ai_share, median_close_h, population, group_share, link_share, branches, service_coverage, stations, week_incidents, week_closed_on_time, week_median_close_h, overdue_now, week_ai_share</source>
        <translation>figures=指标代码，以逗号分隔：count, open, overdue, ai_share, median_close_h, population, group_share, link_share, branches, service_coverage, stations, week_incidents, week_closed_on_time, week_median_close_h, overdue_now, week_ai_share</translation>
    </message>
    <message>
        <source>chart=categories (incidents per category, bars) or daily (incidents per day, a line)</source>
        <translation>chart=categories（各类型事件数，柱状图）或 daily（每日事件数，折线图）</translation>
    </message>
    <message>
        <source>table=grids (the area&apos;s grid cells by incidents), overdue (overdue cases), communities (coverage per community) or gaps (the least covered); rows=at most this many rows (1 to 200)</source>
        <translation>table=grids（区域内各网格的事件数）、overdue（超期案件）、communities（各社区覆盖情况）或 gaps（覆盖最薄弱处）；rows=最多显示的行数（1 到 200）</translation>
    </message>
    <message>
        <source>text=the words, placeholders allowed, to the end of the line</source>
        <translation>text=文字内容，可含占位符，直到行尾</translation>
    </message>
    <message>
        <source>No options: the template&apos;s title and subtitle</source>
        <translation>无选项：显示模板的标题和副标题</translation>
    </message>
    <message>
        <source>No options: drawn for the first map above it in the list</source>
        <translation>无选项：为列表中位于其上方的第一个地图绘制</translation>
    </message>
    <message>
        <source>{filter} · data as of {date}</source>
        <translation>{filter} · 数据截至 {date}</translation>
    </message>
    <message>
        <source>a %1 takes no options (&apos;%2&apos;)</source>
        <translation>“%1”没有选项（“%2”）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an option of a %2 (%3)</source>
        <translation>“%1”不是“%2”的选项（可用：%3）</translation>
    </message>
    <message>
        <source>give chart=categories or chart=daily</source>
        <translation>请填写 chart=categories 或 chart=daily</translation>
    </message>
    <message>
        <source>give table=grids, overdue, communities or gaps</source>
        <translation>请填写 table=grids、overdue、communities 或 gaps</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽</translation>
    </message>
    <message>
        <source>height</source>
        <translation>高</translation>
    </message>
    <message>
        <source>%1 is &apos;%2&apos;: give a fraction of the printable area from 0 to 1</source>
        <translation>%1 为“%2”：请填写 0 到 1 之间的可打印区域比例</translation>
    </message>
    <message>
        <source>%1 is &apos;%2&apos;: give a fraction of the printable area above 0, at most 1</source>
        <translation>%1 为“%2”：请填写大于 0、不超过 1 的可打印区域比例</translation>
    </message>
    <message>
        <source>x + width is %1: the item goes past the right edge (at most 1)</source>
        <translation>x + 宽 为 %1：元素超出了右边界（最大为 1）</translation>
    </message>
    <message>
        <source>y + height is %1: the item goes past the bottom edge (at most 1)</source>
        <translation>y + 高 为 %1：元素超出了下边界（最大为 1）</translation>
    </message>
</context>
<context>
    <name>citytwin::app::TourEditor</name>
    <message>
        <source>Edit Tours</source>
        <translation>编辑导览</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add Current View</source>
        <translation>添加当前视图</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>站点</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Caption:</source>
        <translation>字幕：</translation>
    </message>
    <message>
        <source>Held for:</source>
        <translation>停留：</translation>
    </message>
    <message>
        <source>Presenter&apos;s notes:</source>
        <translation>讲解备注：</translation>
    </message>
    <message>
        <source>KPI tiles</source>
        <translation>指标卡片</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>开始汇报</translation>
    </message>
    <message>
        <source>New Tour</source>
        <translation>新建导览</translation>
    </message>
    <message>
        <source>Name of the tour:</source>
        <translation>导览名称：</translation>
    </message>
    <message>
        <source>Export Tour</source>
        <translation>导出导览</translation>
    </message>
    <message>
        <source>Tour files (*.json)</source>
        <translation>导览文件 (*.json)</translation>
    </message>
    <message>
        <source>Import Tour</source>
        <translation>导入导览</translation>
    </message>
    <message>
        <source>%1. %2 (%3 s)</source>
        <translation>%1. %2（%3 秒）</translation>
    </message>
    <message>
        <source>Choose or create a tour first</source>
        <translation>请先选择或新建导览</translation>
    </message>
    <message>
        <source>Compose This Week&apos;s Briefing…</source>
        <translation>生成本周汇报…</translation>
    </message>
    <message>
        <source>A stop per significant change of a week (hot spots, categories&apos; rises, overdue backlogs), strongest first, then the district overview — as citytwin make-tour does</source>
        <translation>按一周内的显著变化（热点、类别上升、超期积压）每项一站，由强到弱，最后为全区概览——与 citytwin make-tour 相同</translation>
    </message>
    <message>
        <source>Compose This Week&apos;s Briefing</source>
        <translation>生成本周汇报</translation>
    </message>
    <message>
        <source>A day of the week (yyyy-MM-dd):</source>
        <translation>该周任意一天（yyyy-MM-dd）：</translation>
    </message>
    <message>
        <source>The project&apos;s incidents are still loading</source>
        <translation>项目事件仍在加载</translation>
    </message>
    <message>
        <source>Not a date</source>
        <translation>不是日期</translation>
    </message>
</context>
<context>
    <name>citytwin::app::TourPlayer</name>
    <message>
        <source>Open a project to use bookmarks</source>
        <translation>打开项目后可使用书签</translation>
    </message>
    <message>
        <source>&amp;Add Bookmark…</source>
        <translation>添加书签(&amp;A)…</translation>
    </message>
    <message>
        <source>Play Tour “%1”</source>
        <translation>播放导览“%1”</translation>
    </message>
    <message>
        <source>Stop Tour</source>
        <translation>停止导览</translation>
    </message>
    <message>
        <source>Add Bookmark</source>
        <translation>添加书签</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>视图名称：</translation>
    </message>
    <message>
        <source>Saved bookmark %1</source>
        <translation>已保存书签 %1</translation>
    </message>
    <message>
        <source>Tour finished</source>
        <translation>导览结束</translation>
    </message>
    <message>
        <source>Tour: %1</source>
        <translation>导览：%1</translation>
    </message>
    <message>
        <source>Tour stopped</source>
        <translation>导览已停止</translation>
    </message>
    <message>
        <source>&amp;Edit Tours…</source>
        <translation>编辑导览(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ViewLayers</name>
    <message>
        <source>Day-care Station Service &amp;Rings (%1 m)</source>
        <translation>日间照料站服务圈(&amp;R)（%1 米）</translation>
    </message>
    <message>
        <source>Camera View &amp;Cones</source>
        <translation>摄像头视域(&amp;C)</translation>
    </message>
    <message>
        <source>Incident &amp;Heat Map</source>
        <translation>事件热力图(&amp;H)</translation>
    </message>
    <message>
        <source>No layer named %1 is open</source>
        <translation>未打开名为 %1 的图层</translation>
    </message>
    <message numerus="yes">
        <source>incidents per km² (%n shown)</source>
        <translation>
            <numerusform>每平方公里事件数（显示 %n 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>incidents per km²</source>
        <translation>事件数/平方公里</translation>
    </message>
</context>
<context>
    <name>citytwin::app::WeeklyTourText</name>
    <message>
        <source>Grid %1: %2 incidents this week after none in the %3 weeks before (significant at %4%)</source>
        <translation>网格 %1：此前 %3 周为零，本周事件 %2 件（%4% 置信度显著）</translation>
    </message>
    <message>
        <source>Grid %1: all incidents up from %2 a week to %3 this week (significant at %4%)</source>
        <translation>网格 %1：全部事件由此前每周 %2 件增至本周 %3 件（%4% 置信度显著）</translation>
    </message>
    <message>
        <source>Grid %1: %2 up %3× (%4 this week, %5 a week before), significant at %6%</source>
        <translation>网格 %1：%2增至此前的 %3 倍（本周 %4 件，此前每周 %5 件），%6% 置信度显著</translation>
    </message>
    <message>
        <source>Grid %1: %2, %3 this week after none in the %4 weeks before, significant at %5%</source>
        <translation>网格 %1：%2此前 %4 周为零，本周 %3 件，%5% 置信度显著</translation>
    </message>
    <message>
        <source>Grid %1: overdue cases still open up from %2 to %3 over the week</source>
        <translation>网格 %1：超期未办结事件一周内由 %2 件增至 %3 件</translation>
    </message>
    <message>
        <source>This week in the district: no incidents</source>
        <translation>本周全区：无事件</translation>
    </message>
    <message>
        <source>This week in the district: %1 incidents (none the week before)</source>
        <translation>本周全区：事件 %1 件（上周为零）</translation>
    </message>
    <message>
        <source>This week in the district: %1 incidents, as many as the week before</source>
        <translation>本周全区：事件 %1 件，与上周持平</translation>
    </message>
    <message>
        <source>This week in the district: %1 incidents, up %2% on the week before (%3)</source>
        <translation>本周全区：事件 %1 件，较上周（%3 件）上升 %2%</translation>
    </message>
    <message>
        <source>This week in the district: %1 incidents, down %2% on the week before (%3)</source>
        <translation>本周全区：事件 %1 件，较上周（%3 件）下降 %2%</translation>
    </message>
    <message>
        <source>; %1 overdue cases open at the week&apos;s end (%2 a week before)</source>
        <translation>；周末超期未办结 %1 件（一周前 %2 件）</translation>
    </message>
</context>
</TS>
