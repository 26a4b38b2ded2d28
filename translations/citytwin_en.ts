<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>citytwin::app::AnalysisDock</name>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Week of:</source>
        <translation>Week of:</translation>
    </message>
    <message>
        <source>Against the weeks before:</source>
        <translation>Against the weeks before:</translation>
    </message>
    <message>
        <source>Grid cells</source>
        <translation>Grid cells</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Communities</translation>
    </message>
    <message>
        <source>Per:</source>
        <translation>Per:</translation>
    </message>
    <message>
        <source>Stations:</source>
        <translation>Stations:</translation>
    </message>
    <message>
        <source>Walking distance:</source>
        <translation>Walking distance:</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Time slider:</source>
        <translation>Time slider:</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Categories (none ticked: all):</source>
        <translation>Categories (none ticked: all):</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Sources:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Overdue only (against each category&apos;s limit)</source>
        <translation>Overdue only (against each category&apos;s limit)</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>Area:</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Saved filters:</source>
        <translation>Saved filters:</translation>
    </message>
    <message>
        <source>Per grid cell</source>
        <translation>Per grid cell</translation>
    </message>
    <message>
        <source>Per community</source>
        <translation>Per community</translation>
    </message>
    <message>
        <source>3D columns</source>
        <translation>3D columns</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Map:</source>
        <translation>Map:</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Hot spots</source>
        <translation>Hot spots</translation>
    </message>
    <message>
        <source>Party coverage</source>
        <translation>Party coverage</translation>
    </message>
    <message>
        <source>Service coverage</source>
        <translation>Service coverage</translation>
    </message>
    <message>
        <source>Camera coverage</source>
        <translation>Camera coverage</translation>
    </message>
    <message>
        <source>by hour</source>
        <translation>by hour</translation>
    </message>
    <message>
        <source>by day</source>
        <translation>by day</translation>
    </message>
    <message>
        <source>by week</source>
        <translation>by week</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Show on Map</source>
        <translation>Show on Map</translation>
    </message>
    <message>
        <source>Whole district</source>
        <translation>Whole district</translation>
    </message>
    <message>
        <source>Showing %1 to %2</source>
        <translation>Showing %1 to %2</translation>
    </message>
    <message>
        <source>Showing the whole range; move the slider or press Play to step through it</source>
        <translation>Showing the whole range; move the slider or press Play to step through it</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; incidents · &lt;b&gt;%2&lt;/b&gt; open · &lt;b&gt;%3&lt;/b&gt; overdue · found by camera AI &lt;b&gt;%4%&lt;/b&gt; · median time to close &lt;b&gt;%5 h&lt;/b&gt; (90%: %6 h)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; incidents · &lt;b&gt;%2&lt;/b&gt; open · &lt;b&gt;%3&lt;/b&gt; overdue · found by camera AI &lt;b&gt;%4%&lt;/b&gt; · median time to close &lt;b&gt;%5 h&lt;/b&gt; (90%: %6 h)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; incidents</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; incidents</translation>
    </message>
    <message>
        <source>Incidents: %1</source>
        <translation>Incidents: %1</translation>
    </message>
    <message>
        <source>Incidents per week, largest categories</source>
        <translation>Incidents per week, largest categories</translation>
    </message>
    <message>
        <source>Incidents per day, largest categories</source>
        <translation>Incidents per day, largest categories</translation>
    </message>
    <message>
        <source>Incidents per hour, largest categories</source>
        <translation>Incidents per hour, largest categories</translation>
    </message>
    <message>
        <source>Closed incidents</source>
        <translation>Closed incidents</translation>
    </message>
    <message>
        <source>Time to close</source>
        <translation>Time to close</translation>
    </message>
    <message>
        <source>hours from report to closing</source>
        <translation>hours from report to closing</translation>
    </message>
    <message>
        <source>Top 10 grid cells</source>
        <translation>Top 10 grid cells</translation>
    </message>
    <message>
        <source>grid cell</source>
        <translation>grid cell</translation>
    </message>
    <message>
        <source>Week of %1 against the %2 weeks before: %3 grid cells with a significant change.</source>
        <translation>Week of %1 against the %2 weeks before: %3 grid cells with a significant change.</translation>
    </message>
    <message>
        <source>District: %1 of %2 residential buildings have a building group (%3%); %4% of households are reached by a 1+10 link. Gaps: %5 populated grid cells without a branch, %6 residential buildings without a group, %7 communities below 20% of households linked.</source>
        <translation>District: %1 of %2 residential buildings have a building group (%3%); %4% of households are reached by a 1+10 link. Gaps: %5 populated grid cells without a branch, %6 residential buildings without a group, %7 communities below 20% of households linked.</translation>
    </message>
    <message>
        <source>1+10 links against time to close, per grid cell&lt;br&gt;Pearson r = %1, Spearman ρ = %2 (%3 cells)</source>
        <translation>1+10 links against time to close, per grid cell&lt;br&gt;Pearson r = %1, Spearman ρ = %2 (%3 cells)</translation>
    </message>
    <message>
        <source>households linked (%)</source>
        <translation>households linked (%)</translation>
    </message>
    <message>
        <source>median hours to close</source>
        <translation>median hours to close</translation>
    </message>
    <message>
        <source>building %1 (+%2 people, %3% covered after it)</source>
        <translation>building %1 (+%2 people, %3% covered after it)</translation>
    </message>
    <message>
        <source>elderly residents</source>
        <translation>elderly residents</translation>
    </message>
    <message>
        <source>children</source>
        <translation>children</translation>
    </message>
    <message>
        <source>residents</source>
        <translation>residents</translation>
    </message>
    <message>
        <source>%1 of %2 %3 (%4%) live within %5 m of a station; %6 buildings are not covered. Where to put the next stations: %7.</source>
        <translation>%1 of %2 %3 (%4%) live within %5 m of a station; %6 buildings are not covered. Where to put the next stations: %7.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>%1% of open ground and %2% of street length are in view of a camera (views cut by buildings); %3 grid cells have blind spots (under 10% of open ground in view).</source>
        <translation>%1% of open ground and %2% of street length are in view of a camera (views cut by buildings); %3 grid cells have blind spots (under 10% of open ground in view).</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Export Table</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json);;GeoPackage (*.gpkg)</source>
        <translation>CSV (*.csv);;JSON (*.json);;GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Results are not written into the project itself.</source>
        <translation>Results are not written into the project itself.</translation>
    </message>
    <message>
        <source>%1: cannot write the file</source>
        <translation>%1: cannot write the file</translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>Save Filter</translation>
    </message>
    <message>
        <source>Name of the filter:</source>
        <translation>Name of the filter:</translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation>Show on map</translation>
    </message>
    <message>
        <source>Within (distance):</source>
        <translation>Within (distance):</translation>
    </message>
    <message>
        <source>Within (days):</source>
        <translation>Within (days):</translation>
    </message>
    <message>
        <source>At least (incidents):</source>
        <translation>At least (incidents):</translation>
    </message>
    <message>
        <source>Recurring places</source>
        <translation>Recurring places</translation>
    </message>
    <message>
        <source>%1 places where incidents of one category came back within %2 m and %3 days (at least %4 each), %5 incidents in all; the largest first. Double-click a row to fly there.</source>
        <translation>%1 places where incidents of one category came back within %2 m and %3 days (at least %4 each), %5 incidents in all; the largest first. Double-click a row to fly there.</translation>
    </message>
    <message>
        <source>Draw…</source>
        <translation>Draw…</translation>
    </message>
    <message>
        <source>Click the corners of an area on the map; double-click or Enter to finish, Esc to cancel</source>
        <translation>Click the corners of an area on the map; double-click or Enter to finish, Esc to cancel</translation>
    </message>
    <message>
        <source>Area drawn on the map</source>
        <translation>Area drawn on the map</translation>
    </message>
    <message>
        <source>Grid cell %1 (picked on the map)</source>
        <translation>Grid cell %1 (picked on the map)</translation>
    </message>
    <message>
        <source>Over time by category</source>
        <translation>Over time by category</translation>
    </message>
    <message>
        <source>Over time by source</source>
        <translation>Over time by source</translation>
    </message>
    <message>
        <source>Incidents per week, by source</source>
        <translation>Incidents per week, by source</translation>
    </message>
    <message>
        <source>Incidents per day, by source</source>
        <translation>Incidents per day, by source</translation>
    </message>
    <message>
        <source>Incidents per hour, by source</source>
        <translation>Incidents per hour, by source</translation>
    </message>
</context>
<context>
    <name>citytwin::app::AnalysisInputs</name>
    <message>
        <source>Camera AI</source>
        <translation>Camera AI</translation>
    </message>
    <message>
        <source>Grid inspector</source>
        <translation>Grid inspector</translation>
    </message>
    <message>
        <source>12345 hotline</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <source>Citizen app</source>
        <translation>Citizen app</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Handled</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>%1 has no saved filter named %2</source>
        <translation>%1 has no saved filter named %2</translation>
    </message>
    <message>
        <source>--%1: %2 is not a date or time (2025-06-01, 2025-06-01 08:30)</source>
        <translation>--%1: %2 is not a date or time (2025-06-01, 2025-06-01 08:30)</translation>
    </message>
    <message>
        <source>the saved filter %1 in %2 cannot be read: %3</source>
        <translation>the saved filter %1 in %2 cannot be read: %3</translation>
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
        <translation>Buildings listed by the analysis</translation>
    </message>
    <message numerus="yes">
        <source>listed (%n)</source>
        <translation>
            <numerusform>listed (%n)</numerusform>
            <numerusform>listed (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>others</source>
        <translation>others</translation>
    </message>
</context>
<context>
    <name>citytwin::app::AreaDrawing</name>
    <message>
        <source>Click the corners of the area on the map; double-click or Enter to finish, Esc to cancel</source>
        <translation>Click the corners of the area on the map; double-click or Enter to finish, Esc to cancel</translation>
    </message>
    <message>
        <source>An area needs at least three corners</source>
        <translation>An area needs at least three corners</translation>
    </message>
    <message>
        <source>The analysis now looks at the area drawn</source>
        <translation>The analysis now looks at the area drawn</translation>
    </message>
</context>
<context>
    <name>citytwin::app::BriefingMode</name>
    <message>
        <source>CityTwin briefing</source>
        <translation>CityTwin briefing</translation>
    </message>
    <message>
        <source>Incidents today</source>
        <translation>Incidents today</translation>
    </message>
    <message>
        <source>Incidents this week</source>
        <translation>Incidents this week</translation>
    </message>
    <message>
        <source>Closed on time</source>
        <translation>Closed on time</translation>
    </message>
    <message>
        <source>Median time to close</source>
        <translation>Median time to close</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>Overdue now</translation>
    </message>
    <message>
        <source>Found by camera AI</source>
        <translation>Found by camera AI</translation>
    </message>
    <message>
        <source>Incidents per day, last 30 days</source>
        <translation>Incidents per day, last 30 days</translation>
    </message>
    <message>
        <source>Data as of %1</source>
        <translation>Data as of %1</translation>
    </message>
    <message>
        <source>grid %1</source>
        <translation>grid %1</translation>
    </message>
    <message>
        <source>Stop %1 of %2</source>
        <translation>Stop %1 of %2</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 pts</translation>
    </message>
    <message>
        <source>vs. yesterday</source>
        <translation>vs. yesterday</translation>
    </message>
    <message>
        <source>vs. the week before</source>
        <translation>vs. the week before</translation>
    </message>
    <message>
        <source>vs. a week ago</source>
        <translation>vs. a week ago</translation>
    </message>
    <message>
        <source>1+10 household reach</source>
        <translation>1+10 household reach</translation>
    </message>
    <message>
        <source>Day-care reach (500 m)</source>
        <translation>Day-care reach (500 m)</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ColorByDialog</name>
    <message>
        <source>Colour by Field</source>
        <translation>Colour by Field</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <source>Natural breaks (Jenks)</source>
        <translation>Natural breaks (Jenks)</translation>
    </message>
    <message>
        <source>Quantiles</source>
        <translation>Quantiles</translation>
    </message>
    <message>
        <source>Equal interval</source>
        <translation>Equal interval</translation>
    </message>
    <message>
        <source>Numbers classed by:</source>
        <translation>Numbers classed by:</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>Classes:</translation>
    </message>
    <message>
        <source>Draw areas as 3D columns as high as the value</source>
        <translation>Draw areas as 3D columns as high as the value</translation>
    </message>
    <message>
        <source>Text fields are coloured by category.</source>
        <translation>Text fields are coloured by category.</translation>
    </message>
</context>
<context>
    <name>citytwin::app::CommandLineText</name>
    <message>
        <source>citytwin: no display found (DISPLAY is not set); to get a picture without a desktop, run: xvfb-run -a citytwin render FILE --out view.png</source>
        <translation>citytwin: no display found (DISPLAY is not set); to get a picture without a desktop, run: xvfb-run -a citytwin render FILE --out view.png</translation>
    </message>
    <message>
        <source>citytwin: unknown language &apos;%1&apos; (use zh_CN or en)</source>
        <translation>citytwin: unknown language &apos;%1&apos; (use zh_CN or en)</translation>
    </message>
    <message>
        <source>CityTwin: a 3D city-twin viewer and analysis tool.

%1</source>
        <translation>CityTwin: a 3D city-twin viewer and analysis tool.

%1</translation>
    </message>
    <message>
        <source>Interface language: zh_CN or en.</source>
        <translation>Interface language: zh_CN or en.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Vector sources to open.</source>
        <translation>Vector sources to open.</translation>
    </message>
    <message>
        <source>[FILE...]</source>
        <translation>[FILE...]</translation>
    </message>
    <message>
        <source>citytwin: %1: the screenshot could not be written</source>
        <translation>citytwin: %1: the screenshot could not be written</translation>
    </message>
    <message>
        <source>Save a picture of the whole window to this PNG file once the FILEs are loaded, then quit.</source>
        <translation>Save a picture of the whole window to this PNG file once the FILEs are loaded, then quit.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>citytwin: %1: the project has no tour named &apos;%2&apos;</source>
        <translation>citytwin: %1: the project has no tour named &apos;%2&apos;</translation>
    </message>
    <message>
        <source>citytwin: the tour &apos;%1&apos; has no stop %2 (it has %3)</source>
        <translation>citytwin: the tour &apos;%1&apos; has no stop %2 (it has %3)</translation>
    </message>
    <message>
        <source>citytwin: %1: not a CityTwin project</source>
        <translation>citytwin: %1: not a CityTwin project</translation>
    </message>
    <message>
        <source>citytwin: %1: the project did not finish loading in time</source>
        <translation>citytwin: %1: the project did not finish loading in time</translation>
    </message>
    <message>
        <source>Capture the window or the briefing screen exactly as it is shown (needs a display, e.g. xvfb-run -a -s &quot;-screen 0 7680x2160x24&quot;).

Example: citytwin shot lubei.gpkg --mode briefing --tour briefing --stop 2 --size 3840x2160 --out stop2.png</source>
        <translation>Capture the window or the briefing screen exactly as it is shown (needs a display, e.g. xvfb-run -a -s &quot;-screen 0 7680x2160x24&quot;).

Example: citytwin shot lubei.gpkg --mode briefing --tour briefing --stop 2 --size 3840x2160 --out stop2.png</translation>
    </message>
    <message>
        <source>briefing (the full-screen briefing, the default) or window (the main window).</source>
        <translation>briefing (the full-screen briefing, the default) or window (the main window).</translation>
    </message>
    <message>
        <source>The tour to show (default: the first).</source>
        <translation>The tour to show (default: the first).</translation>
    </message>
    <message>
        <source>The tour&apos;s stop to show, from 1 (default 1).</source>
        <translation>The tour&apos;s stop to show, from 1 (default 1).</translation>
    </message>
    <message>
        <source>The picture&apos;s size (default 1920x1080).</source>
        <translation>The picture&apos;s size (default 1920x1080).</translation>
    </message>
    <message>
        <source>The PNG to write.</source>
        <translation>The PNG to write.</translation>
    </message>
    <message>
        <source>The project.</source>
        <translation>The project.</translation>
    </message>
    <message>
        <source>the size must be from 320x200 to 16384x16384</source>
        <translation>the size must be from 320x200 to 16384x16384</translation>
    </message>
    <message>
        <source>Open a project in briefing mode: full screen, KPI tiles, presenter keys.</source>
        <translation>Open a project in briefing mode: full screen, KPI tiles, presenter keys.</translation>
    </message>
    <message>
        <source>project</source>
        <translation>project</translation>
    </message>
    <message>
        <source>With --briefing: the tour to present (default: the project&apos;s first).</source>
        <translation>With --briefing: the tour to present (default: the project&apos;s first).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>With --briefing: the screen to fill, from 0 (default: the window&apos;s).</source>
        <translation>With --briefing: the screen to fill, from 0 (default: the window&apos;s).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>With --briefing: play the tour by itself, each stop for its duration.</source>
        <translation>With --briefing: play the tour by itself, each stop for its duration.</translation>
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
        <translation>Verbs:
  import      Copy a source into a project, or incidents into its incident table (citytwin import --help).
  info        Describe data sources: layers, CRS, extents, fields (citytwin info --help).
  make-tour   Compose the week&apos;s briefing from its significant changes, as a tour in the project (citytwin make-tour --help).
  render      Render the default view of FILEs to an image (citytwin render --help).
  report      Make a map report (PDF, PNG, SVG) from a template, one page per area for an atlas (citytwin report --help).
  sample      Write the built-in sample district into a new project (citytwin sample --help).
  shot        Capture the window or the briefing screen exactly as it is shown, to a PNG (citytwin shot --help).
  simulate-live  Append realistic new incidents to a project as they would arrive (citytwin simulate-live --help).
  stats       Analyse incidents, party, service and camera coverage, hot spots; CSV, JSON or GeoPackage out (citytwin stats --help).
With no verb, citytwin opens the desktop application and loads the FILEs given.</translation>
    </message>
</context>
<context>
    <name>citytwin::app::CrsConfirmDialog</name>
    <message>
        <source>Confirm the Coordinate Reference System</source>
        <translation>Confirm the Coordinate Reference System</translation>
    </message>
    <message>
        <source>Layer &lt;b&gt;%1&lt;/b&gt; declares no coordinate reference system. From its coordinates it is shown as &lt;b&gt;%2&lt;/b&gt;. Confirm this, or choose what its coordinates really are (Chinese web maps and phone apps often give GCJ-02 or BD-09).</source>
        <translation>Layer &lt;b&gt;%1&lt;/b&gt; declares no coordinate reference system. From its coordinates it is shown as &lt;b&gt;%2&lt;/b&gt;. Confirm this, or choose what its coordinates really are (Chinese web maps and phone apps often give GCJ-02 or BD-09).</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; has no coordinate reference system CityTwin can use (%2). It is shown at its own coordinates, not placed on the map. Choose what its coordinates are (for example EPSG:28992) to place it.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; has no coordinate reference system CityTwin can use (%2). It is shown at its own coordinates, not placed on the map. Choose what its coordinates are (for example EPSG:28992) to place it.</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ErrorText</name>
    <message>
        <source>the file does not exist</source>
        <translation>the file does not exist</translation>
    </message>
    <message>
        <source>the file cannot be opened or is not in a format GDAL reads</source>
        <translation>the file cannot be opened or is not in a format GDAL reads</translation>
    </message>
    <message>
        <source>the file is a raster, not a vector layer</source>
        <translation>the file is a raster, not a vector layer</translation>
    </message>
    <message>
        <source>the source contains no layer to show</source>
        <translation>the source contains no layer to show</translation>
    </message>
    <message>
        <source>the coordinate reference system is unknown</source>
        <translation>the coordinate reference system is unknown</translation>
    </message>
    <message>
        <source>the layer has no coordinate reference system</source>
        <translation>the layer has no coordinate reference system</translation>
    </message>
    <message>
        <source>the coordinates cannot be transformed into the project CRS</source>
        <translation>the coordinates cannot be transformed into the project CRS</translation>
    </message>
    <message>
        <source>invalid argument</source>
        <translation>invalid argument</translation>
    </message>
    <message>
        <source>Layer %1 is empty.</source>
        <translation>Layer %1 is empty.</translation>
    </message>
    <message>
        <source>Layer %1: %2</source>
        <translation>Layer %1: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a problem, then its technical detail</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Layer %1 declares no coordinate reference system; from its coordinates %2 was assumed. Check its placement.</source>
        <translation>Layer %1 declares no coordinate reference system; from its coordinates %2 was assumed. Check its placement.</translation>
    </message>
    <message>
        <source>Layer %1: the text is not UTF-8 and no code page is declared; it was decoded as GBK.</source>
        <translation>Layer %1: the text is not UTF-8 and no code page is declared; it was decoded as GBK.</translation>
    </message>
    <message>
        <source>Layer %1: %2 invalid geometries were repaired.</source>
        <translation>Layer %1: %2 invalid geometries were repaired.</translation>
    </message>
    <message>
        <source>Layer %1: %2 invalid geometries were skipped.</source>
        <translation>Layer %1: %2 invalid geometries were skipped.</translation>
    </message>
    <message>
        <source>the project database could not be read or written</source>
        <translation>the project database could not be read or written</translation>
    </message>
    <message>
        <source>the import was refused</source>
        <translation>the import was refused</translation>
    </message>
    <message>
        <source>bad date</source>
        <translation>bad date</translation>
    </message>
    <message>
        <source>times out of order</source>
        <translation>times out of order</translation>
    </message>
    <message>
        <source>bad or missing location</source>
        <translation>bad or missing location</translation>
    </message>
    <message>
        <source>outside the district</source>
        <translation>outside the district</translation>
    </message>
    <message>
        <source>unknown category</source>
        <translation>unknown category</translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation>unknown source</translation>
    </message>
    <message>
        <source>unknown status</source>
        <translation>unknown status</translation>
    </message>
    <message>
        <source>already in the project</source>
        <translation>already in the project</translation>
    </message>
    <message>
        <source>the file&apos;s content cannot be read or is not supported</source>
        <translation>the file&apos;s content cannot be read or is not supported</translation>
    </message>
    <message>
        <source>the format is recognised, but the file is damaged or uses something not supported</source>
        <translation>the format is recognised, but the file is damaged or uses something not supported</translation>
    </message>
    <message>
        <source>Layer %1 is a bare JSON array of features (not a FeatureCollection); it was read as one.</source>
        <translation>Layer %1 is a bare JSON array of features (not a FeatureCollection); it was read as one.</translation>
    </message>
    <message>
        <source>Layer %1 names its coordinate reference system &apos;%2&apos;; it was read as %3.</source>
        <translation>Layer %1 names its coordinate reference system &apos;%2&apos;; it was read as %3.</translation>
    </message>
    <message>
        <source>Layer %1 names a coordinate reference system that is not known (%2); WGS 84, GeoJSON&apos;s default, was used. Declare the right one if it lands in the wrong place.</source>
        <translation>Layer %1 names a coordinate reference system that is not known (%2); WGS 84, GeoJSON&apos;s default, was used. Declare the right one if it lands in the wrong place.</translation>
    </message>
    <message>
        <source>Layer %1 looks like DataV GeoAtlas data (features with adcode) and declares no coordinate reference system; it was read as GCJ-02, the coordinates DataV publishes. Declare EPSG:4326 if they are WGS 84.</source>
        <translation>Layer %1 looks like DataV GeoAtlas data (features with adcode) and declares no coordinate reference system; it was read as GCJ-02, the coordinates DataV publishes. Declare EPSG:4326 if they are WGS 84.</translation>
    </message>
    <message>
        <source>Layer %1: points from the columns %2.</source>
        <translation>Layer %1: points from the columns %2.</translation>
    </message>
    <message>
        <source>Layer %1: %2 feature(s) have no geometry GDAL could read and are not shown (for a table: are its coordinate columns named as usual? --x-field and --y-field name them).</source>
        <translation>Layer %1: %2 feature(s) have no geometry GDAL could read and are not shown (for a table: are its coordinate columns named as usual? --x-field and --y-field name them).</translation>
    </message>
    <message>
        <source>Layer %1: its .cpg file names the code page “%2”, which is not known here; the text was read without converting it (Chinese text may look wrong). Write UTF-8 or 936 (GBK) in the .cpg.</source>
        <translation>Layer %1: its .cpg file names the code page “%2”, which is not known here; the text was read without converting it (Chinese text may look wrong). Write UTF-8 or 936 (GBK) in the .cpg.</translation>
    </message>
</context>
<context>
    <name>citytwin::app::HotspotStatements</name>
    <message>
        <source>Grid %1</source>
        <translation>Grid %1</translation>
    </message>
    <message>
        <source>%1 up %2× (%3 this week, %4 a week before), significant at %5%</source>
        <translation>%1 up %2× (%3 this week, %4 a week before), significant at %5%</translation>
    </message>
    <message>
        <source>%1: %2 this week after none before, significant at %3%</source>
        <translation>%1: %2 this week after none before, significant at %3%</translation>
    </message>
    <message>
        <source>all incidents up from %1 to %2 a week (significant at %3%)</source>
        <translation>all incidents up from %1 to %2 a week (significant at %3%)</translation>
    </message>
    <message>
        <source>all incidents down from %1 to %2 a week (significant at %3%)</source>
        <translation>all incidents down from %1 to %2 a week (significant at %3%)</translation>
    </message>
    <message>
        <source>a hot spot with its neighbours (Getis-Ord Gi*, %1%)</source>
        <translation>a hot spot with its neighbours (Getis-Ord Gi*, %1%)</translation>
    </message>
    <message>
        <source>a cold spot with its neighbours (Getis-Ord Gi*, %1%)</source>
        <translation>a cold spot with its neighbours (Getis-Ord Gi*, %1%)</translation>
    </message>
    <message>
        <source>: </source>
        <translation>: </translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>citytwin::app::ImportCommand</name>
    <message>
        <source>%1: %2 rows read, %3 imported, %4 rejected%5</source>
        <translation>%1: %2 rows read, %3 imported, %4 rejected%5</translation>
    </message>
    <message>
        <source>coordinates taken as %1; %2 rows placed in a grid, %3 in a community</source>
        <translation>coordinates taken as %1; %2 rows placed in a grid, %3 in a community</translation>
    </message>
    <message>
        <source>columns: %1</source>
        <translation>columns: %1</translation>
    </message>
    <message>
        <source>… and %1 more (use --report FILE.csv for all)</source>
        <translation>… and %1 more (use --report FILE.csv for all)</translation>
    </message>
    <message>
        <source>  row %1: %2 (%3)</source>
        <translation>  row %1: %2 (%3)</translation>
    </message>
    <message>
        <source>Copies a source into a project (created when it does not exist). A vector layer becomes a feature table in the project CRS; with --as incidents the rows go through a field mapping into the incident table, in one transaction, and rejected rows are reported with the reason.</source>
        <translation>Copies a source into a project (created when it does not exist). A vector layer becomes a feature table in the project CRS; with --as incidents the rows go through a field mapping into the incident table, in one transaction, and rejected rows are reported with the reason.</translation>
    </message>
    <message>
        <source>The source layer (default: the first).</source>
        <translation>The source layer (default: the first).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>What the rows are: &apos;incidents&apos;, or &apos;layer&apos; (default).</source>
        <translation>What the rows are: &apos;incidents&apos;, or &apos;layer&apos; (default).</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>kind</translation>
    </message>
    <message>
        <source>A field-mapping profile: a JSON file (saved in the project) or the name of a saved one.</source>
        <translation>A field-mapping profile: a JSON file (saved in the project) or the name of a saved one.</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>profile</translation>
    </message>
    <message>
        <source>The CRS of the source coordinates: EPSG:xxxx, gcj02 or bd09.</source>
        <translation>The CRS of the source coordinates: EPSG:xxxx, gcj02 or bd09.</translation>
    </message>
    <message>
        <source>crs</source>
        <translation>crs</translation>
    </message>
    <message>
        <source>The table name in the project (layers).</source>
        <translation>The table name in the project (layers).</translation>
    </message>
    <message>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <source>Replace a table of the same name.</source>
        <translation>Replace a table of the same name.</translation>
    </message>
    <message>
        <source>Import nothing if any row is rejected.</source>
        <translation>Import nothing if any row is rejected.</translation>
    </message>
    <message>
        <source>Write every rejected row to this CSV file.</source>
        <translation>Write every rejected row to this CSV file.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>The CRS of a new project (default EPSG:4548).</source>
        <translation>The CRS of a new project (default EPSG:4548).</translation>
    </message>
    <message>
        <source>Print no progress.</source>
        <translation>Print no progress.</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN or en.</source>
        <translation>Language of messages: zh_CN or en.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation>PROJECT</translation>
    </message>
    <message>
        <source>The project GeoPackage.</source>
        <translation>The project GeoPackage.</translation>
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
        <translation>The file or GDAL connection string to import.</translation>
    </message>
    <message>
        <source>citytwin import: %1</source>
        <translation>citytwin import: %1</translation>
    </message>
    <message>
        <source>citytwin import: expected PROJECT.gpkg SOURCE and --as incidents|layer</source>
        <translation>citytwin import: expected PROJECT.gpkg SOURCE and --as incidents|layer</translation>
    </message>
    <message>
        <source>citytwin import: the project and the source are the same file</source>
        <translation>citytwin import: the project and the source are the same file</translation>
    </message>
    <message>
        <source>citytwin import: %1 features written</source>
        <translation>citytwin import: %1 features written</translation>
    </message>
    <message>
        <source>%1: layer %2 in %3: %4 features written (%5 read), %6 geometries repaired, %7 skipped; CRS %8; text %9</source>
        <translation>%1: layer %2 in %3: %4 features written (%5 read), %6 geometries repaired, %7 skipped; CRS %8; text %9</translation>
    </message>
    <message>
        <source>citytwin import: %1 rows read</source>
        <translation>citytwin import: %1 rows read</translation>
    </message>
    <message>
        <source>citytwin import: %1 rows written</source>
        <translation>citytwin import: %1 rows written</translation>
    </message>
    <message>
        <source>citytwin import: %1: the report could not be written</source>
        <translation>citytwin import: %1: the report could not be written</translation>
    </message>
    <message numerus="yes">
        <source>citytwin import: nothing imported: --strict and %n row(s) rejected</source>
        <translation>
            <numerusform>citytwin import: nothing imported: --strict and %n row rejected</numerusform>
            <numerusform>citytwin import: nothing imported: --strict and %n rows rejected</numerusform>
        </translation>
    </message>
    <message>
        <source>citytwin import: warning: %1&apos;s id column is not unique whole numbers: kept as %2, and id numbers the features</source>
        <translation>citytwin import: warning: %1&apos;s id column is not unique whole numbers: kept as %2, and id numbers the features</translation>
    </message>
    <message numerus="yes">
        <source>citytwin import: warning: none of the %n feature(s) of %1 has a geometry GDAL could read (a table without coordinate columns?)</source>
        <translation>
            <numerusform>citytwin import: warning: none of the %n feature of %1 has a geometry GDAL could read (a table without coordinate columns?)</numerusform>
            <numerusform>citytwin import: warning: none of the %n features of %1 has a geometry GDAL could read (a table without coordinate columns?)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>citytwin import: warning: %n feature(s) of %1 have no geometry</source>
        <translation>
            <numerusform>citytwin import: warning: %n feature of %1 have no geometry</numerusform>
            <numerusform>citytwin import: warning: %n features of %1 have no geometry</numerusform>
        </translation>
    </message>
    <message>
        <source>citytwin import: nothing imported: --strict and features without a geometry or with one skipped</source>
        <translation>citytwin import: nothing imported: --strict and features without a geometry or with one skipped</translation>
    </message>
    <message>
        <source>citytwin import: --crs EPSG:n says what the coordinates are</source>
        <translation>citytwin import: --crs EPSG:n says what the coordinates are</translation>
    </message>
    <message>
        <source>citytwin import: note: %1</source>
        <translation>citytwin import: note: %1</translation>
    </message>
    <message numerus="yes">
        <source>citytwin import: warning: %n feature(s) of %1 skipped: a geometry invalid beyond repair or outside what the CRS can place</source>
        <translation>
            <numerusform>citytwin import: warning: %n feature of %1 skipped: a geometry invalid beyond repair or outside what the CRS can place</numerusform>
            <numerusform>citytwin import: warning: %n features of %1 skipped: a geometry invalid beyond repair or outside what the CRS can place</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>citytwin::app::ImportDialog</name>
    <message>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>Reported at</translation>
    </message>
    <message>
        <source>Dispatched at</source>
        <translation>Dispatched at</translation>
    </message>
    <message>
        <source>Handled at</source>
        <translation>Handled at</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>Closed at</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Longitude / easting (x)</source>
        <translation>Longitude / easting (x)</translation>
    </message>
    <message>
        <source>Latitude / northing (y)</source>
        <translation>Latitude / northing (y)</translation>
    </message>
    <message>
        <source>Import into Project</source>
        <translation>Import into Project</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <source>Layer / sheet:</source>
        <translation>Layer / sheet:</translation>
    </message>
    <message>
        <source>Import as:</source>
        <translation>Import as:</translation>
    </message>
    <message>
        <source>Coordinates in:</source>
        <translation>Coordinates in:</translation>
    </message>
    <message>
        <source>Local time zone of the times:</source>
        <translation>Local time zone of the times:</translation>
    </message>
    <message>
        <source>Saved mapping:</source>
        <translation>Saved mapping:</translation>
    </message>
    <message>
        <source>Save this mapping as:</source>
        <translation>Save this mapping as:</translation>
    </message>
    <message>
        <source>Table name:</source>
        <translation>Table name:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Incidents (through a column mapping into the incident table)</source>
        <translation>Incidents (through a column mapping into the incident table)</translation>
    </message>
    <message>
        <source>A layer (a feature table in the project CRS)</source>
        <translation>A layer (a feature table in the project CRS)</translation>
    </message>
    <message>
        <source>EPSG code, or gcj02 / bd09 for coordinates from Chinese web maps and phone apps</source>
        <translation>EPSG code, or gcj02 / bd09 for coordinates from Chinese web maps and phone apps</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Import nothing if any row is rejected</source>
        <translation>Import nothing if any row is rejected</translation>
    </message>
    <message>
        <source>Use saved mapping</source>
        <translation>Use saved mapping</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>Save mapping</translation>
    </message>
    <message>
        <source>Replace a table of the same name</source>
        <translation>Replace a table of the same name</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Choose a Source</source>
        <translation>Choose a Source</translation>
    </message>
    <message>
        <source>Tables and layers (*.csv *.xlsx *.ods *.gpkg *.shp *.geojson *.json *.kml *.gml);;All files (*)</source>
        <translation>Tables and layers (*.csv *.xlsx *.ods *.gpkg *.shp *.geojson *.json *.kml *.gml);;All files (*)</translation>
    </message>
    <message>
        <source>%1 columns; the mapping below was proposed from their names: check it.</source>
        <translation>%1 columns; the mapping below was proposed from their names: check it.</translation>
    </message>
    <message>
        <source>Give the mapping a name first.</source>
        <translation>Give the mapping a name first.</translation>
    </message>
    <message>
        <source>The mapping could not be saved in the project.</source>
        <translation>The mapping could not be saved in the project.</translation>
    </message>
    <message>
        <source>Mapping %1 saved in the project.</source>
        <translation>Mapping %1 saved in the project.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Layer %1: %2 features written, %3 geometries repaired, %4 skipped (CRS %5, text %6).</source>
        <translation>Layer %1: %2 features written, %3 geometries repaired, %4 skipped (CRS %5, text %6).</translation>
    </message>
    <message>
        <source>%1 rows read, %2 imported, %3 rejected; %4 placed in a grid.</source>
        <translation>%1 rows read, %2 imported, %3 rejected; %4 placed in a grid.</translation>
    </message>
    <message>
        <source>Nothing imported: %1 of %2 rows rejected and “import nothing” is on.</source>
        <translation>Nothing imported: %1 of %2 rows rejected and “import nothing” is on.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Importing… %L1 rows written</source>
        <translation>Importing… %L1 rows written</translation>
    </message>
    <message>
        <source>Importing… %L1 rows read</source>
        <translation>Importing… %L1 rows read</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Import cancelled: nothing was written.</translation>
    </message>
</context>
<context>
    <name>citytwin::app::InfoCommand</name>
    <message>
        <source>outside the area of use of the project CRS</source>
        <translation>outside the area of use of the project CRS</translation>
    </message>
    <message>
        <source>not representable</source>
        <translation>not representable</translation>
    </message>
    <message>
        <source>none declared</source>
        <translation>none declared</translation>
    </message>
    <message>
        <source>none declared (coordinates suggest %1)</source>
        <translation>none declared (coordinates suggest %1)</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>Format: %1 (%2)</source>
        <translation>Format: %1 (%2)</translation>
    </message>
    <message>
        <source>Layer %1: %2</source>
        <translation>Layer %1: %2</translation>
    </message>
    <message>
        <source>  Geometry: %1</source>
        <translation>  Geometry: %1</translation>
    </message>
    <message>
        <source>  Features: %1</source>
        <translation>  Features: %1</translation>
    </message>
    <message>
        <source>  CRS: %1</source>
        <translation>  CRS: %1</translation>
    </message>
    <message>
        <source>  Extent: %1</source>
        <translation>  Extent: %1</translation>
    </message>
    <message>
        <source>  Extent in %1: %2</source>
        <translation>  Extent in %1: %2</translation>
    </message>
    <message>
        <source>  Encoding: %1</source>
        <translation>  Encoding: %1</translation>
    </message>
    <message>
        <source>  Fields: %1</source>
        <translation>  Fields: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Raster: %1 x %2 pixels, %3 band(s) of %4</source>
        <translation>Raster: %1 x %2 pixels, %3 band(s) of %4</translation>
    </message>
    <message>
        <source>  Pixel size: %1 x %2</source>
        <translation>  Pixel size: %1 x %2</translation>
    </message>
    <message>
        <source>  NoData: %1</source>
        <translation>  NoData: %1</translation>
    </message>
    <message>
        <source>Oblique-photogrammetry tileset: SRS %1, origin %2, %3 top-level tile(s)</source>
        <translation>Oblique-photogrammetry tileset: SRS %1, origin %2, %3 top-level tile(s)</translation>
    </message>
    <message>
        <source>No layers.</source>
        <translation>No layers.</translation>
    </message>
    <message>
        <source>Describes data sources: each layer&apos;s name, geometry type, feature count, CRS, extent in the project CRS, fields and text encoding; a raster&apos;s size, bands and extent; a 3D tileset&apos;s header.</source>
        <translation>Describes data sources: each layer&apos;s name, geometry type, feature count, CRS, extent in the project CRS, fields and text encoding; a raster&apos;s size, bands and extent; a 3D tileset&apos;s header.</translation>
    </message>
    <message>
        <source>Print JSON for machines.</source>
        <translation>Print JSON for machines.</translation>
    </message>
    <message>
        <source>The project CRS for extents (default EPSG:4548).</source>
        <translation>The project CRS for extents (default EPSG:4548).</translation>
    </message>
    <message>
        <source>crs</source>
        <translation>crs</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN or en.</source>
        <translation>Language of messages: zh_CN or en.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>SOURCE</translation>
    </message>
    <message>
        <source>Files or GDAL connection strings to describe.</source>
        <translation>Files or GDAL connection strings to describe.</translation>
    </message>
    <message>
        <source>SOURCE...</source>
        <translation>SOURCE...</translation>
    </message>
    <message>
        <source>citytwin info: %1</source>
        <translation>citytwin info: %1</translation>
    </message>
    <message>
        <source>citytwin info: name at least one SOURCE</source>
        <translation>citytwin info: name at least one SOURCE</translation>
    </message>
    <message>
        <source>none usable (%1); --crs EPSG:n sets it</source>
        <translation>none usable (%1); --crs EPSG:n sets it</translation>
    </message>
    <message>
        <source>, horizontal part of %1</source>
        <translation>, horizontal part of %1</translation>
    </message>
    <message>
        <source>Format: CityGML %1 (read with libcitygml)</source>
        <translation>Format: CityGML %1 (read with libcitygml)</translation>
    </message>
    <message>
        <source>  Buildings: %1, building parts: %2</source>
        <translation>  Buildings: %1, building parts: %2</translation>
    </message>
    <message>
        <source>  LoDs: %1</source>
        <translation>  LoDs: %1</translation>
    </message>
    <message>
        <source>  Surfaces (polygons) by type: %1</source>
        <translation>  Surfaces (polygons) by type: %1</translation>
    </message>
    <message>
        <source>  Other city objects (not shown): %1</source>
        <translation>  Other city objects (not shown): %1</translation>
    </message>
    <message>
        <source>  srsName: %1</source>
        <translation>  srsName: %1</translation>
    </message>
    <message>
        <source>  Extent: %1 (heights %2 to %3 m)</source>
        <translation>  Extent: %1 (heights %2 to %3 m)</translation>
    </message>
    <message>
        <source>  Note: %1</source>
        <translation>  Note: %1</translation>
    </message>
    <message>
        <source>  Nothing to show: the CityModel holds no buildings.</source>
        <translation>  Nothing to show: the CityModel holds no buildings.</translation>
    </message>
    <message>
        <source>The CRS of CityGML files that declare none, or one that is not recognised.</source>
        <translation>The CRS of CityGML files that declare none, or one that is not recognised.</translation>
    </message>
    <message>
        <source>3D Tiles tileset, version %1</source>
        <translation>3D Tiles tileset, version %1</translation>
    </message>
    <message>
        <source>  Tiles: %1</source>
        <translation>  Tiles: %1</translation>
    </message>
    <message>
        <source>  Content: %1</source>
        <translation>  Content: %1</translation>
    </message>
    <message>
        <source>  Geometric error: %1 m</source>
        <translation>  Geometric error: %1 m</translation>
    </message>
    <message>
        <source>  Root bounding volume: %1</source>
        <translation>  Root bounding volume: %1</translation>
    </message>
    <message>
        <source>  Warning: %1</source>
        <translation>  Warning: %1</translation>
    </message>
    <message numerus="yes">
        <source>  Note: none of the %n feature(s) has a geometry: nothing to show (a table without coordinate columns? --x-field, --y-field or --geometry-field name them)</source>
        <translation>
            <numerusform>  Note: none of the %n feature has a geometry: nothing to show (a table without coordinate columns? --x-field, --y-field or --geometry-field name them)</numerusform>
            <numerusform>  Note: none of the %n features has a geometry: nothing to show (a table without coordinate columns? --x-field, --y-field or --geometry-field name them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  Note: %n feature(s) have no geometry</source>
        <translation>
            <numerusform>  Note: %n feature have no geometry</numerusform>
            <numerusform>  Note: %n features have no geometry</numerusform>
        </translation>
    </message>
    <message>
        <source>  Note: the layer is empty: nothing to show or import</source>
        <translation>  Note: the layer is empty: nothing to show or import</translation>
    </message>
    <message numerus="yes">
        <source>  Note: none of the %n feature(s) has a geometry GDAL could read (damaged or unknown geometries): nothing to show</source>
        <translation>
            <numerusform>  Note: none of the %n feature has a geometry GDAL could read (damaged or unknown geometries): nothing to show</numerusform>
            <numerusform>  Note: none of the %n features has a geometry GDAL could read (damaged or unknown geometries): nothing to show</numerusform>
        </translation>
    </message>
    <message>
        <source>  Warning: no extent: %1</source>
        <translation>  Warning: no extent: %1</translation>
    </message>
</context>
<context>
    <name>citytwin::app::InspectorDock</name>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Click an object in the 3D view to see its attributes.</source>
        <translation>Click an object in the 3D view to see its attributes.</translation>
    </message>
    <message>
        <source>Layer %1, feature %2</source>
        <translation>Layer %1, feature %2</translation>
    </message>
</context>
<context>
    <name>citytwin::app::LayerNames</name>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Streets</source>
        <translation>Streets</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Communities</translation>
    </message>
    <message>
        <source>Grid cells</source>
        <translation>Grid cells</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>Roads</translation>
    </message>
    <message>
        <source>River</source>
        <translation>River</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>Buildings</translation>
    </message>
    <message>
        <source>Service stations</source>
        <translation>Service stations</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <source>Party organizations</source>
        <translation>Party organizations</translation>
    </message>
    <message>
        <source>1+10 links</source>
        <translation>1+10 links</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <source>%1 as columns</source>
        <translation>%1 as columns</translation>
    </message>
    <message>
        <source>%1: view cones</source>
        <translation>%1: view cones</translation>
    </message>
    <message>
        <source>%1 service rings (%2 m)</source>
        <translation>%1 service rings (%2 m)</translation>
    </message>
    <message>
        <source>Day-care stations</source>
        <translation>Day-care stations</translation>
    </message>
    <message>
        <source>Canteens for the elderly</source>
        <translation>Canteens for the elderly</translation>
    </message>
    <message>
        <source>After-school classes</source>
        <translation>After-school classes</translation>
    </message>
    <message>
        <source>Childcare centres</source>
        <translation>Childcare centres</translation>
    </message>
    <message>
        <source>Warm stations</source>
        <translation>Warm stations</translation>
    </message>
    <message>
        <source>Party and public service centres</source>
        <translation>Party and public service centres</translation>
    </message>
    <message>
        <source>Civilization practice stations</source>
        <translation>Civilization practice stations</translation>
    </message>
    <message>
        <source>Elderly homes</source>
        <translation>Elderly homes</translation>
    </message>
    <message>
        <source>Social work stations</source>
        <translation>Social work stations</translation>
    </message>
    <message>
        <source>%1: ground in view</source>
        <translation>%1: ground in view</translation>
    </message>
    <message>
        <source>%1: recurring places</source>
        <translation>%1: recurring places</translation>
    </message>
    <message>
        <source>Area drawn on the map</source>
        <translation>Area drawn on the map</translation>
    </message>
    <message>
        <source>Found by camera AI</source>
        <translation>Found by camera AI</translation>
    </message>
    <message>
        <source>Reported by grid inspectors</source>
        <translation>Reported by grid inspectors</translation>
    </message>
    <message>
        <source>12345 hotline calls</source>
        <translation>12345 hotline calls</translation>
    </message>
    <message>
        <source>Citizen app reports</source>
        <translation>Citizen app reports</translation>
    </message>
    <message>
        <source>Community cameras</source>
        <translation>Community cameras</translation>
    </message>
    <message>
        <source>Public-security cameras</source>
        <translation>Public-security cameras</translation>
    </message>
</context>
<context>
    <name>citytwin::app::LayersDock</name>
    <message numerus="yes">
        <source>%1 (%n feature(s))</source>
        <translation>
            <numerusform>%1 (%n feature)</numerusform>
            <numerusform>%1 (%n features)</numerusform>
        </translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Zoom to Layer</source>
        <translation>Zoom to Layer</translation>
    </message>
    <message>
        <source>Colour by Field…</source>
        <translation>Colour by Field…</translation>
    </message>
    <message>
        <source>Reset Colours</source>
        <translation>Reset Colours</translation>
    </message>
    <message>
        <source>Table %1. Double-click to zoom to this layer</source>
        <translation>Table %1. Double-click to zoom to this layer</translation>
    </message>
    <message>
        <source>Oblique photography</source>
        <translation>Oblique photography</translation>
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
        <translation>3D model</translation>
    </message>
    <message>
        <source>Zoom to Model</source>
        <translation>Zoom to Model</translation>
    </message>
    <message>
        <source>Remove Model</source>
        <translation>Remove Model</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Double-click to zoom to this model; right-click to remove it</source>
        <translation>Double-click to zoom to this model; right-click to remove it</translation>
    </message>
    <message>
        <source>3D models</source>
        <translation>3D models</translation>
    </message>
</context>
<context>
    <name>citytwin::app::MainWindow</name>
    <message>
        <source>E %1 m  N %2 m</source>
        <translation>E %1 m  N %2 m</translation>
    </message>
    <message>
        <source>CityTwin — district 3D twin</source>
        <translation>CityTwin — district 3D twin</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Open a vector data source (GeoPackage, Shapefile, GeoJSON, …)</source>
        <translation>Open a vector data source (GeoPackage, Shapefile, GeoJSON, …)</translation>
    </message>
    <message>
        <source>&amp;Save View as Image…</source>
        <translation>&amp;Save View as Image…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Home (Show Everything)</source>
        <translation>&amp;Home (Show Everything)</translation>
    </message>
    <message>
        <source>&amp;About CityTwin</source>
        <translation>&amp;About CityTwin</translation>
    </message>
    <message>
        <source>No data loaded</source>
        <translation>No data loaded</translation>
    </message>
    <message>
        <source>Open Data Source</source>
        <translation>Open Data Source</translation>
    </message>
    <message>
        <source>Vector data (*.gpkg *.shp *.geojson *.json *.kml *.gml *.csv *.xlsx *.ods *.sqlite);;All files (*)</source>
        <translation>Vector data (*.gpkg *.shp *.geojson *.json *.kml *.gml *.csv *.xlsx *.ods *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <source>CityTwin</source>
        <translation>CityTwin</translation>
    </message>
    <message>
        <source>Save View as Image</source>
        <translation>Save View as Image</translation>
    </message>
    <message>
        <source>PNG image (*.png);;JPEG image (*.jpg)</source>
        <translation>PNG image (*.png);;JPEG image (*.jpg)</translation>
    </message>
    <message>
        <source>%1: the image could not be written</source>
        <translation>%1: the image could not be written</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>About CityTwin</source>
        <translation>About CityTwin</translation>
    </message>
    <message>
        <source>&lt;b&gt;CityTwin %1&lt;/b&gt;&lt;br&gt;A 3D city-twin viewer and analysis tool for district operations centres.&lt;br&gt;Qt %2, OpenSceneGraph, GDAL, PROJ, SQLite.</source>
        <translation>&lt;b&gt;CityTwin %1&lt;/b&gt;&lt;br&gt;A 3D city-twin viewer and analysis tool for district operations centres.&lt;br&gt;Qt %2, OpenSceneGraph, GDAL, PROJ, SQLite.</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;New Project…</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>Open &amp;Project…</translation>
    </message>
    <message>
        <source>&amp;Import into Project…</source>
        <translation>&amp;Import into Project…</translation>
    </message>
    <message>
        <source>Copy a layer, or a table of incidents, into the open project</source>
        <translation>Copy a layer, or a table of incidents, into the open project</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>New Project</translation>
    </message>
    <message>
        <source>CityTwin project (*.gpkg)</source>
        <translation>CityTwin project (*.gpkg)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Open Project</translation>
    </message>
    <message>
        <source>Open &amp;Sample District</source>
        <translation>Open &amp;Sample District</translation>
    </message>
    <message>
        <source>Generating the sample district (once, about 15 s)…</source>
        <translation>Generating the sample district (once, about 15 s)…</translation>
    </message>
    <message>
        <source>Show &amp;Terrain</source>
        <translation>Show &amp;Terrain</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Bookmarks</translation>
    </message>
    <message>
        <source>Top-&amp;down View</source>
        <translation>Top-&amp;down View</translation>
    </message>
    <message>
        <source>E&amp;xaggerate Heights (×3)</source>
        <translation>E&amp;xaggerate Heights (×3)</translation>
    </message>
    <message>
        <source>See-through &amp;Buildings</source>
        <translation>See-through &amp;Buildings</translation>
    </message>
    <message>
        <source>&amp;Briefing Mode (Full Screen)</source>
        <translation>&amp;Briefing Mode (Full Screen)</translation>
    </message>
    <message>
        <source>The 3D view alone with KPI tiles for an audience; Page Down / Page Up step through the tour, B blanks the screen, Esc leaves</source>
        <translation>The 3D view alone with KPI tiles for an audience; Page Down / Page Up step through the tour, B blanks the screen, Esc leaves</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Day</translation>
    </message>
    <message>
        <source>&amp;Night (Command Centre)</source>
        <translation>&amp;Night (Command Centre)</translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation>Export &amp;Report…</translation>
    </message>
    <message>
        <source>Make a map report of the open project: a weekly page or an atlas of its areas, as PDF, PNG or SVG</source>
        <translation>Make a map report of the open project: a weekly page or an atlas of its areas, as PDF, PNG or SVG</translation>
    </message>
    <message>
        <source>Open a project first: a report is made from a project</source>
        <translation>Open a project first: a report is made from a project</translation>
    </message>
    <message>
        <source>Open a project first: a report is made from a project&apos;s layers and incidents.</source>
        <translation>Open a project first: a report is made from a project&apos;s layers and incidents.</translation>
    </message>
    <message>
        <source>Report written: %1</source>
        <translation>Report written: %1</translation>
    </message>
    <message>
        <source>Reading the project for the report…</source>
        <translation>Reading the project for the report…</translation>
    </message>
    <message>
        <source>Software OpenGL (%1): every effect makes each frame slower; they are off by default here</source>
        <translation>Software OpenGL (%1): every effect makes each frame slower; they are off by default here</translation>
    </message>
    <message>
        <source>&amp;Effects</source>
        <translation>&amp;Effects</translation>
    </message>
    <message>
        <source>&amp;Shadows</source>
        <translation>&amp;Shadows</translation>
    </message>
    <message>
        <source>Buildings and models cast the sun&apos;s (or the moon&apos;s) shadows</source>
        <translation>Buildings and models cast the sun&apos;s (or the moon&apos;s) shadows</translation>
    </message>
    <message>
        <source>&amp;Ambient Occlusion</source>
        <translation>&amp;Ambient Occlusion</translation>
    </message>
    <message>
        <source>Darkens the creases where walls meet the ground and each other</source>
        <translation>Darkens the creases where walls meet the ground and each other</translation>
    </message>
    <message>
        <source>&amp;Bloom</source>
        <translation>&amp;Bloom</translation>
    </message>
    <message>
        <source>Bright outlines and lit roofs glow (the night theme&apos;s look)</source>
        <translation>Bright outlines and lit roofs glow (the night theme&apos;s look)</translation>
    </message>
</context>
<context>
    <name>citytwin::app::MakeTourCommand</name>
    <message>
        <source>Week of %1 to %2: %3 findings</source>
        <translation>Week of %1 to %2: %3 findings</translation>
    </message>
    <message>
        <source>citytwin make-tour: no incidents that week: the tour has the district overview only</source>
        <translation>citytwin make-tour: no incidents that week: the tour has the district overview only</translation>
    </message>
    <message>
        <source>citytwin make-tour: no significant change that week: the tour has the district overview only</source>
        <translation>citytwin make-tour: no significant change that week: the tour has the district overview only</translation>
    </message>
    <message>
        <source>Saved the tour &apos;%1&apos; (%2 stops) in %3</source>
        <translation>Saved the tour &apos;%1&apos; (%2 stops) in %3</translation>
    </message>
    <message>
        <source>Composes the week&apos;s briefing and saves it in the project as a tour: one stop per significant change of the week (a grid or a category in a grid well above the weeks before, an overdue backlog that grew), strongest first, each showing its grid with the week&apos;s incidents and a plain-word caption, then the district overview with the week&apos;s figures. Edit it in the tour editor before the meeting.</source>
        <translation>Composes the week&apos;s briefing and saves it in the project as a tour: one stop per significant change of the week (a grid or a category in a grid well above the weeks before, an overdue backlog that grew), strongest first, each showing its grid with the week&apos;s incidents and a plain-word caption, then the district overview with the week&apos;s figures. Edit it in the tour editor before the meeting.</translation>
    </message>
    <message>
        <source>The project GeoPackage.</source>
        <translation>The project GeoPackage.</translation>
    </message>
    <message>
        <source>The week, by any day in it (district time).</source>
        <translation>The week, by any day in it (district time).</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>The tour&apos;s name (default: week-MONDAY).</source>
        <translation>The tour&apos;s name (default: week-MONDAY).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Language of messages and captions: zh_CN or en.</source>
        <translation>Language of messages and captions: zh_CN or en.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>citytwin make-tour: %1</source>
        <translation>citytwin make-tour: %1</translation>
    </message>
    <message>
        <source>citytwin make-tour: give one PROJECT, --week DATE and, if any, a --name that is not empty</source>
        <translation>citytwin make-tour: give one PROJECT, --week DATE and, if any, a --name that is not empty</translation>
    </message>
    <message>
        <source>citytwin make-tour: --week: %1 is not a date</source>
        <translation>citytwin make-tour: --week: %1 is not a date</translation>
    </message>
    <message>
        <source>citytwin make-tour: %1: no such file</source>
        <translation>citytwin make-tour: %1: no such file</translation>
    </message>
</context>
<context>
    <name>citytwin::app::PresenterView</name>
    <message>
        <source>Presenter</source>
        <translation>Presenter</translation>
    </message>
    <message>
        <source>Briefing time %1:%2</source>
        <translation>Briefing time %1:%2</translation>
    </message>
    <message>
        <source>Stop %1 of %2: %3</source>
        <translation>Stop %1 of %2: %3</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Next: %1</translation>
    </message>
    <message>
        <source>Next: the end of the tour</source>
        <translation>Next: the end of the tour</translation>
    </message>
</context>
<context>
    <name>citytwin::app::RenderCommand</name>
    <message>
        <source>Renders the default 3D view of the given vector sources off-screen and writes it as an image.
Needs an OpenGL context: a desktop session, or xvfb-run -a on a headless machine.</source>
        <translation>Renders the default 3D view of the given vector sources off-screen and writes it as an image.
Needs an OpenGL context: a desktop session, or xvfb-run -a on a headless machine.</translation>
    </message>
    <message>
        <source>Image file to write (PNG or JPEG).</source>
        <translation>Image file to write (PNG or JPEG).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Image size in pixels, WIDTHxHEIGHT.</source>
        <translation>Image size in pixels, WIDTHxHEIGHT.</translation>
    </message>
    <message>
        <source>size</source>
        <translation>size</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN or en.</source>
        <translation>Language of messages: zh_CN or en.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Vector sources to show (GeoPackage, Shapefile, GeoJSON, …).</source>
        <translation>Vector sources to show (GeoPackage, Shapefile, GeoJSON, …).</translation>
    </message>
    <message>
        <source>[FILE...]</source>
        <translation>[FILE...]</translation>
    </message>
    <message>
        <source>citytwin render: %1</source>
        <translation>citytwin render: %1</translation>
    </message>
    <message>
        <source>citytwin render: --out FILE is required</source>
        <translation>citytwin render: --out FILE is required</translation>
    </message>
    <message>
        <source>citytwin render: invalid --size &apos;%1&apos; (expected WIDTHxHEIGHT, 16 to 16384 pixels)</source>
        <translation>citytwin render: invalid --size &apos;%1&apos; (expected WIDTHxHEIGHT, 16 to 16384 pixels)</translation>
    </message>
    <message>
        <source>citytwin render: warning: %1</source>
        <translation>citytwin render: warning: %1</translation>
    </message>
    <message>
        <source>citytwin render: cannot render: %1</source>
        <translation>citytwin render: cannot render: %1</translation>
    </message>
    <message>
        <source>citytwin render: %1: the image could not be written</source>
        <translation>citytwin render: %1: the image could not be written</translation>
    </message>
    <message>
        <source>Renders the view of a bookmark saved in the project (the first file).</source>
        <translation>Renders the view of a bookmark saved in the project (the first file).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>citytwin render: the project has no bookmark &apos;%1&apos;</source>
        <translation>citytwin render: the project has no bookmark &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Draws a service ring of this radius (metres) around every station.</source>
        <translation>Draws a service ring of this radius (metres) around every station.</translation>
    </message>
    <message>
        <source>metres</source>
        <translation>metres</translation>
    </message>
    <message>
        <source>Draws the service rings of this station kind only (e.g. day_care).</source>
        <translation>Draws the service rings of this station kind only (e.g. day_care).</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>kind</translation>
    </message>
    <message>
        <source>Draws every camera&apos;s view cone on the ground.</source>
        <translation>Draws every camera&apos;s view cone on the ground.</translation>
    </message>
    <message>
        <source>Shows layers that start hidden (comma-separated names, e.g. incidents).</source>
        <translation>Shows layers that start hidden (comma-separated names, e.g. incidents).</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>layers</translation>
    </message>
    <message>
        <source>citytwin render: --rings needs a radius in metres (1 to 20000)</source>
        <translation>citytwin render: --rings needs a radius in metres (1 to 20000)</translation>
    </message>
    <message>
        <source>Colours a layer by a field: LAYER.FIELD (classes of a numeric field, categories of a text field).</source>
        <translation>Colours a layer by a field: LAYER.FIELD (classes of a numeric field, categories of a text field).</translation>
    </message>
    <message>
        <source>layer.field</source>
        <translation>layer.field</translation>
    </message>
    <message>
        <source>Number of classes (default 5).</source>
        <translation>Number of classes (default 5).</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>Classification: equal, quantile or jenks (natural breaks, default).</source>
        <translation>Classification: equal, quantile or jenks (natural breaks, default).</translation>
    </message>
    <message>
        <source>method</source>
        <translation>method</translation>
    </message>
    <message>
        <source>citytwin render: --color-by needs LAYER.FIELD of an open layer, --classes 1 to 12 and --method equal, quantile or jenks</source>
        <translation>citytwin render: --color-by needs LAYER.FIELD of an open layer, --classes 1 to 12 and --method equal, quantile or jenks</translation>
    </message>
    <message>
        <source>citytwin render: layer %1 has no field %2</source>
        <translation>citytwin render: layer %1 has no field %2</translation>
    </message>
    <message>
        <source>Draws the density of the incidents as a heat layer on the ground.</source>
        <translation>Draws the density of the incidents as a heat layer on the ground.</translation>
    </message>
    <message>
        <source>incidents per km²</source>
        <translation>incidents per km²</translation>
    </message>
    <message>
        <source>With --color-by on areas: draws them as 3D columns whose height is the value.</source>
        <translation>With --color-by on areas: draws them as 3D columns whose height is the value.</translation>
    </message>
    <message>
        <source>Look of the view: day (default) or night (dark, for a big screen).</source>
        <translation>Look of the view: day (default) or night (dark, for a big screen).</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>theme</translation>
    </message>
    <message>
        <source>citytwin render: unknown --theme &apos;%1&apos; (expected day or night)</source>
        <translation>citytwin render: unknown --theme &apos;%1&apos; (expected day or night)</translation>
    </message>
    <message>
        <source>The CRS of CityGML files that declare none, or one that is not recognised (EPSG:n or a CRS name).</source>
        <translation>The CRS of CityGML files that declare none, or one that is not recognised (EPSG:n or a CRS name).</translation>
    </message>
    <message>
        <source>crs</source>
        <translation>crs</translation>
    </message>
    <message>
        <source>citytwin render: warning: %1: %2</source>
        <translation>citytwin render: warning: %1: %2</translation>
    </message>
    <message>
        <source>citytwin render: warning: %1 has no usable CRS (%2): shown at its own coordinates; --crs EPSG:n places it</source>
        <translation>citytwin render: warning: %1 has no usable CRS (%2): shown at its own coordinates; --crs EPSG:n places it</translation>
    </message>
    <message>
        <source>Heavier effects: shadows, ao (ambient occlusion), bloom, comma-separated, or all or none (default).</source>
        <translation>Heavier effects: shadows, ao (ambient occlusion), bloom, comma-separated, or all or none (default).</translation>
    </message>
    <message>
        <source>effects</source>
        <translation>effects</translation>
    </message>
    <message>
        <source>citytwin render: unknown --effects &apos;%1&apos; (expected shadows, ao, bloom, all or none)</source>
        <translation>citytwin render: unknown --effects &apos;%1&apos; (expected shadows, ao, bloom, all or none)</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ReportCommand</name>
    <message>
        <source>citytwin report: %1</source>
        <translation>citytwin report: %1</translation>
    </message>
    <message>
        <source>Makes a map report of a project without the window: PDF (vector maps, charts and tables, Chinese text with its fonts embedded), PNG (one file per page) or SVG (one page). Ready templates: %1; or one saved in the project. Prints each page as it is made. 3D map frames need an OpenGL display (xvfb-run -a).</source>
        <translation>Makes a map report of a project without the window: PDF (vector maps, charts and tables, Chinese text with its fonts embedded), PNG (one file per page) or SVG (one page). Ready templates: %1; or one saved in the project. Prints each page as it is made. 3D map frames need an OpenGL display (xvfb-run -a).</translation>
    </message>
    <message>
        <source>The project GeoPackage.</source>
        <translation>The project GeoPackage.</translation>
    </message>
    <message>
        <source>The report template (default weekly).</source>
        <translation>The report template (default weekly).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>The file to write (PNG: one file per page, numbered, when there are several).</source>
        <translation>The file to write (PNG: one file per page, numbered, when there are several).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>One page per community, grid or street (overrides the template&apos;s).</source>
        <translation>One page per community, grid or street (overrides the template&apos;s).</translation>
    </message>
    <message>
        <source>level</source>
        <translation>level</translation>
    </message>
    <message>
        <source>Only these areas of the atlas (ids, comma-separated).</source>
        <translation>Only these areas of the atlas (ids, comma-separated).</translation>
    </message>
    <message>
        <source>ids</source>
        <translation>ids</translation>
    </message>
    <message>
        <source>Incidents reported from this day or time (district time).</source>
        <translation>Incidents reported from this day or time (district time).</translation>
    </message>
    <message>
        <source>time</source>
        <translation>time</translation>
    </message>
    <message>
        <source>Incidents reported up to this day (included) or time.</source>
        <translation>Incidents reported up to this day (included) or time.</translation>
    </message>
    <message>
        <source>A filter saved in the project (Analysis dock).</source>
        <translation>A filter saved in the project (Analysis dock).</translation>
    </message>
    <message>
        <source>Only these incident categories (codes or names).</source>
        <translation>Only these incident categories (codes or names).</translation>
    </message>
    <message>
        <source>categories</source>
        <translation>categories</translation>
    </message>
    <message>
        <source>Resolution of pictures: PNG pages and 3D frames (default 300).</source>
        <translation>Resolution of pictures: PNG pages and 3D frames (default 300).</translation>
    </message>
    <message>
        <source>dpi</source>
        <translation>dpi</translation>
    </message>
    <message>
        <source>pdf, png or svg (default: from the file name, else pdf).</source>
        <translation>pdf, png or svg (default: from the file name, else pdf).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>Language of the report and messages: zh_CN or en.</source>
        <translation>Language of the report and messages: zh_CN or en.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>give one project</source>
        <translation>give one project</translation>
    </message>
    <message>
        <source>--out FILE is required</source>
        <translation>--out FILE is required</translation>
    </message>
    <message>
        <source>unknown --format &apos;%1&apos; (pdf, png or svg)</source>
        <translation>unknown --format &apos;%1&apos; (pdf, png or svg)</translation>
    </message>
    <message>
        <source>--dpi must be 36 to 1200</source>
        <translation>--dpi must be 36 to 1200</translation>
    </message>
    <message>
        <source>unknown --atlas &apos;%1&apos; (community, grid or street)</source>
        <translation>unknown --atlas &apos;%1&apos; (community, grid or street)</translation>
    </message>
    <message>
        <source>--area: &apos;%1&apos; is not an area id</source>
        <translation>--area: &apos;%1&apos; is not an area id</translation>
    </message>
    <message>
        <source>%1: no such incident category in %2</source>
        <translation>%1: no such incident category in %2</translation>
    </message>
    <message>
        <source>citytwin report: warning: %1; the frame is drawn as a top-down map</source>
        <translation>citytwin report: warning: %1; the frame is drawn as a top-down map</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>page %1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) in %1 s</source>
        <translation>
            <numerusform>%n page in %1 s</numerusform>
            <numerusform>%n pages in %1 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>citytwin::app::ReportData</name>
    <message>
        <source>all time</source>
        <translation>all time</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>all categories</source>
        <translation>all categories</translation>
    </message>
    <message>
        <source>overdue only</source>
        <translation>overdue only</translation>
    </message>
    <message>
        <source>%1, whole district</source>
        <translation>%1, whole district</translation>
    </message>
    <message>
        <source>%3 %1</source>
        <comment>a calendar month: %1 year, %2 month number, %3 month name</comment>
        <translation>%3 %1</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ReportDialog</name>
    <message>
        <source>the district&apos;s week on one page</source>
        <translation>the district&apos;s week on one page</translation>
    </message>
    <message>
        <source>incidents, a page per community</source>
        <translation>incidents, a page per community</translation>
    </message>
    <message>
        <source>party organisation coverage, a page per community</source>
        <translation>party organisation coverage, a page per community</translation>
    </message>
    <message>
        <source>day-care service coverage, a page per street</source>
        <translation>day-care service coverage, a page per street</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Export Report</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Template:</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>Pages:</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Resolution:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Edit Template…</source>
        <translation>Edit Template…</translation>
    </message>
    <message>
        <source>Change the page, the title and the items of the template, and save it in the project</source>
        <translation>Change the page, the title and the items of the template, and save it in the project</translation>
    </message>
    <message>
        <source>One page for the district, or an atlas: a page for each community, grid cell or street</source>
        <translation>One page for the district, or an atlas: a page for each community, grid cell or street</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Only the ticked ones</source>
        <translation>Only the ticked ones</translation>
    </message>
    <message>
        <source>Use the Analysis dock&apos;s filter</source>
        <translation>Use the Analysis dock&apos;s filter</translation>
    </message>
    <message>
        <source>Off: all incidents — the weekly report shows the latest whole week of data, atlases all time</source>
        <translation>Off: all incidents — the weekly report shows the latest whole week of data, atlases all time</translation>
    </message>
    <message>
        <source>PDF (vector, all pages in one file)</source>
        <translation>PDF (vector, all pages in one file)</translation>
    </message>
    <message>
        <source>PNG (a picture per page)</source>
        <translation>PNG (a picture per page)</translation>
    </message>
    <message>
        <source>SVG (the first page)</source>
        <translation>SVG (the first page)</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>The resolution of PNG pages and of 3D map frames</source>
        <translation>The resolution of PNG pages and of 3D map frames</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Page </source>
        <translation>Page </translation>
    </message>
    <message>
        <source>%1 — the project&apos;s version</source>
        <translation>%1 — the project&apos;s version</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — saved in the project</source>
        <translation>%1 — saved in the project</translation>
    </message>
    <message>
        <source>As the template: %1</source>
        <translation>As the template: %1</translation>
    </message>
    <message>
        <source>The Analysis dock&apos;s incidents are still loading: the report uses all incidents.</source>
        <translation>The Analysis dock&apos;s incidents are still loading: the report uses all incidents.</translation>
    </message>
    <message>
        <source> · inside the area drawn on the map</source>
        <translation> · inside the area drawn on the map</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG pictures (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG drawing (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a template.</source>
        <translation>Choose a template.</translation>
    </message>
    <message>
        <source>Tick at least one area, or choose All.</source>
        <translation>Tick at least one area, or choose All.</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Choose the file to write.</translation>
    </message>
    <message>
        <source>%1: the folder does not exist.</source>
        <translation>%1: the folder does not exist.</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> of %1</translation>
    </message>
    <message>
        <source>Nothing to show: the project has no areas of this kind.</source>
        <translation>Nothing to show: the project has no areas of this kind.</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Page %1 of %2 written…</source>
        <translation>Page %1 of %2 written…</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Export cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>The report could not be written: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) written: %1</source>
        <translation>
            <numerusform>%n page written: %1</numerusform>
            <numerusform>%n pages written: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>3D frames drawn as top-down maps: %1</source>
        <translation>3D frames drawn as top-down maps: %1</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Open Folder</translation>
    </message>
    <message>
        <source>More than a week: untick to report the latest whole week of data.</source>
        <translation>More than a week: untick to report the latest whole week of data.</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ReportMapPainter</name>
    <message>
        <source>Incidents per grid cell</source>
        <translation>Incidents per grid cell</translation>
    </message>
    <message>
        <source>Incidents per community</source>
        <translation>Incidents per community</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1: main</source>
        <translation>%1: main</translation>
    </message>
    <message>
        <source>%1: local</source>
        <translation>%1: local</translation>
    </message>
    <message numerus="yes">
        <source>Incidents (%n)</source>
        <translation>
            <numerusform>Incidents (%n)</numerusform>
            <numerusform>Incidents (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>citytwin::app::ReportPainter</name>
    <message numerus="yes">
        <source>%n more not shown</source>
        <translation>
            <numerusform>%n more not shown</numerusform>
            <numerusform>%n more not shown</numerusform>
        </translation>
    </message>
    <message>
        <source>None.</source>
        <translation>None.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Found by camera AI</source>
        <translation>Found by camera AI</translation>
    </message>
    <message>
        <source>Median hours to close</source>
        <translation>Median hours to close</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>Buildings with a party group</source>
        <translation>Buildings with a party group</translation>
    </message>
    <message>
        <source>Households reached by 1+10 links</source>
        <translation>Households reached by 1+10 links</translation>
    </message>
    <message>
        <source>Party branches</source>
        <translation>Party branches</translation>
    </message>
    <message>
        <source>Residents within 500 m of day care</source>
        <translation>Residents within 500 m of day care</translation>
    </message>
    <message>
        <source>Day-care stations</source>
        <translation>Day-care stations</translation>
    </message>
    <message>
        <source>Incidents this week</source>
        <translation>Incidents this week</translation>
    </message>
    <message>
        <source>Closed on time</source>
        <translation>Closed on time</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>Overdue now</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 points</translation>
    </message>
    <message>
        <source>%1 %2 on the week before</source>
        <translation>%1 %2 on the week before</translation>
    </message>
    <message>
        <source>Incidents per day, last 30 days</source>
        <translation>Incidents per day, last 30 days</translation>
    </message>
    <message>
        <source>Incidents by category</source>
        <translation>Incidents by category</translation>
    </message>
    <message>
        <source>No incidents.</source>
        <translation>No incidents.</translation>
    </message>
    <message>
        <source>Source: CityTwin · %1 · data as of %2</source>
        <translation>Source: CityTwin · %1 · data as of %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>%n communities</source>
        <translation>
            <numerusform>%n communities</numerusform>
            <numerusform>%n communities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n grid cells</source>
        <translation>
            <numerusform>%n grid cells</numerusform>
            <numerusform>%n grid cells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n streets</source>
        <translation>
            <numerusform>%n streets</numerusform>
            <numerusform>%n streets</numerusform>
        </translation>
    </message>
    <message>
        <source>One page per area: %1 · %2 pages · data as of %3</source>
        <translation>One page per area: %1 · %2 pages · data as of %3</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Grids with the most incidents</source>
        <translation>Grids with the most incidents</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Median h</source>
        <translation>Median h</translation>
    </message>
    <message>
        <source>Overdue cases</source>
        <translation>Overdue cases</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Hours open</source>
        <translation>Hours open</translation>
    </message>
    <message>
        <source>Least covered communities</source>
        <translation>Least covered communities</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Communities</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ReportScene</name>
    <message>
        <source>the project has no bookmark &apos;%1&apos;</source>
        <translation>the project has no bookmark &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cannot render the 3D view: %1</source>
        <translation>cannot render the 3D view: %1</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ReportWriter</name>
    <message>
        <source>the template &apos;%1&apos; cannot be read: %2</source>
        <translation>the template &apos;%1&apos; cannot be read: %2</translation>
    </message>
    <message>
        <source>no report template &apos;%1&apos; (ready ones: %2)</source>
        <translation>no report template &apos;%1&apos; (ready ones: %2)</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1: cannot be written (%2)</translation>
    </message>
    <message>
        <source>{filter} · data as of {date}</source>
        <translation>{filter} · data as of {date}</translation>
    </message>
    <message>
        <source>{area}: incidents</source>
        <translation>{area}: incidents</translation>
    </message>
    <message>
        <source>{area}: party organisation coverage</source>
        <translation>{area}: party organisation coverage</translation>
    </message>
    <message>
        <source>{district} · data as of {date}</source>
        <translation>{district} · data as of {date}</translation>
    </message>
    <message>
        <source>{area}: day-care service coverage</source>
        <translation>{area}: day-care service coverage</translation>
    </message>
    <message>
        <source>{district} · residents within 500 m of a day-care station · data as of {date}</source>
        <translation>{district} · residents within 500 m of a day-care station · data as of {date}</translation>
    </message>
    <message>
        <source>{district}: incidents briefing</source>
        <translation>{district}: incidents briefing</translation>
    </message>
    <message>
        <source>Buildings with a party group: residential buildings of {area} where a party group of the building is registered, as a share of its residential buildings. Households reached by 1+10 links: households of its buildings linked to a party member&apos;s household, as a share of all its households. Branches: party branches registered in {area}.</source>
        <translation>Buildings with a party group: residential buildings of {area} where a party group of the building is registered, as a share of its residential buildings. Households reached by 1+10 links: households of its buildings linked to a party member&apos;s household, as a share of all its households. Branches: party branches registered in {area}.</translation>
    </message>
    <message>
        <source>%1: no areas for the atlas (the project has no %2 layer, or it is empty)</source>
        <translation>%1: no areas for the atlas (the project has no %2 layer, or it is empty)</translation>
    </message>
    <message>
        <source>%1: none of the areas asked for (--area) is in its %2 layer</source>
        <translation>%1: none of the areas asked for (--area) is in its %2 layer</translation>
    </message>
    <message>
        <source>the disk is full or a file-size limit was reached: %1 of %2 bytes written</source>
        <translation>the disk is full or a file-size limit was reached: %1 of %2 bytes written</translation>
    </message>
</context>
<context>
    <name>citytwin::app::SampleCommand</name>
    <message>
        <source>The project file to write (must not exist).</source>
        <translation>The project file to write (must not exist).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Random seed; the same seed gives the same district.</source>
        <translation>Random seed; the same seed gives the same district.</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN or en.</source>
        <translation>Language of messages: zh_CN or en.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>citytwin sample: %1</source>
        <translation>citytwin sample: %1</translation>
    </message>
    <message>
        <source>%1: district of %2 km², %3 streets, %4 communities, %5 grid cells, %6 residents (%7 s)</source>
        <translation>%1: district of %2 km², %3 streets, %4 communities, %5 grid cells, %6 residents (%7 s)</translation>
    </message>
    <message>
        <source>Writes the built-in sample district (a Lubei-sized twin, EPSG:4548) into a new project GeoPackage: the district, its streets, 175 communities, 2,257 grid cells, roads, the river, 6,000+ buildings, service stations, cameras, party organizations, a year of incidents, a DEM and an image to drape, and five bookmarks.</source>
        <translation>Writes the built-in sample district (a Lubei-sized twin, EPSG:4548) into a new project GeoPackage: the district, its streets, 175 communities, 2,257 grid cells, roads, the river, 6,000+ buildings, service stations, cameras, party organizations, a year of incidents, a DEM and an image to drape, and five bookmarks.</translation>
    </message>
    <message>
        <source>Multiplies the buildings and incidents (10 gives 60,000+ buildings and 3M+ incidents).</source>
        <translation>Multiplies the buildings and incidents (10 gives 60,000+ buildings and 3M+ incidents).</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>factor</translation>
    </message>
    <message>
        <source>Generates the sample into the user&apos;s data folder unless it is there already, and prints its path.</source>
        <translation>Generates the sample into the user&apos;s data folder unless it is there already, and prints its path.</translation>
    </message>
    <message>
        <source>  %1: %2 s</source>
        <translation>  %1: %2 s</translation>
    </message>
    <message>
        <source>citytwin sample: --out FILE is required, --seed must be a whole number and --scale a number above 0 and at most 100</source>
        <translation>citytwin sample: --out FILE is required, --seed must be a whole number and --scale a number above 0 and at most 100</translation>
    </message>
    <message>
        <source>  %1 buildings, %2 stations, %3 cameras, %4 party organizations with %5 links, %6 incidents, %7 bookmarks</source>
        <translation>  %1 buildings, %2 stations, %3 cameras, %4 party organizations with %5 links, %6 incidents, %7 bookmarks</translation>
    </message>
    <message>
        <source>The number of incidents, whatever the scale (default: about 330,000 times the scale).</source>
        <translation>The number of incidents, whatever the scale (default: about 330,000 times the scale).</translation>
    </message>
    <message>
        <source>citytwin sample: --incidents must be a whole number from 0 to 100000000</source>
        <translation>citytwin sample: --incidents must be a whole number from 0 to 100000000</translation>
    </message>
</context>
<context>
    <name>citytwin::app::SampleProject</name>
    <message>
        <source>%1: the folder cannot be created</source>
        <translation>%1: the folder cannot be created</translation>
    </message>
    <message>
        <source>%1: the sample could not be moved into place</source>
        <translation>%1: the sample could not be moved into place</translation>
    </message>
</context>
<context>
    <name>citytwin::app::SimulateLiveCommand</name>
    <message>
        <source>Appends realistic new incidents to a project as a live reporting system would: each modelled on a past incident (its category, source, grid cell and place, moved a few metres), reported now and not yet dispatched. For briefing demos and tests; viewers of the project show them as they arrive.</source>
        <translation>Appends realistic new incidents to a project as a live reporting system would: each modelled on a past incident (its category, source, grid cell and place, moved a few metres), reported now and not yet dispatched. For briefing demos and tests; viewers of the project show them as they arrive.</translation>
    </message>
    <message>
        <source>The project GeoPackage to append to.</source>
        <translation>The project GeoPackage to append to.</translation>
    </message>
    <message>
        <source>New incidents a minute (e.g. 6, or 0.5).</source>
        <translation>New incidents a minute (e.g. 6, or 0.5).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Stop after this many seconds (default: run until interrupted).</source>
        <translation>Stop after this many seconds (default: run until interrupted).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>seconds</translation>
    </message>
    <message>
        <source>Random seed (default: from the clock).</source>
        <translation>Random seed (default: from the clock).</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN or en.</source>
        <translation>Language of messages: zh_CN or en.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>citytwin simulate-live: %1</source>
        <translation>citytwin simulate-live: %1</translation>
    </message>
    <message>
        <source>citytwin simulate-live: give one PROJECT, --rate as incidents a minute above 0 (at most 60000) and --duration as seconds above 0</source>
        <translation>citytwin simulate-live: give one PROJECT, --rate as incidents a minute above 0 (at most 60000) and --duration as seconds above 0</translation>
    </message>
    <message>
        <source>citytwin simulate-live: %1: no such file</source>
        <translation>citytwin simulate-live: %1: no such file</translation>
    </message>
    <message>
        <source>%1 +%2 new incidents (%3 in the project)</source>
        <translation>%1 +%2 new incidents (%3 in the project)</translation>
    </message>
</context>
<context>
    <name>citytwin::app::SourceLoader</name>
    <message>
        <source>Loaded %1</source>
        <translation>Loaded %1</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Loading %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n new incident(s)</source>
        <translation>
            <numerusform>%n new incident</numerusform>
            <numerusform>%n new incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %1: %n building(s)</source>
        <translation>
            <numerusform>Loaded %1: %n building</numerusform>
            <numerusform>Loaded %1: %n buildings</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>%1 has no layer %2</source>
        <translation>%1 has no layer %2</translation>
    </message>
    <message>
        <source>3D Tiles: %1</source>
        <translation>3D Tiles: %1</translation>
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
        <translation>Analyses a project and writes one table: a header row, then one row per area (first column the area id) or item.
Subjects:
  incidents  per grid or community: count, open, overdue, ai_share, median / p90 hours to dispatch, handle and close
  party      party-organization coverage per grid or community
  services   share of residents (elderly, children) within walking distance of a kind of station
  cameras    share of each grid&apos;s open ground and streets in view of a camera, blind spots
  hotspots   a week against the weeks before per grid, with Getis-Ord Gi* and plain-word statements
  recurring  places where incidents of one category keep recurring
  count      points counted into polygons straight from the project file (the fast spatial join)
Times without a zone are Beijing time; --to DATE includes that day.</translation>
    </message>
    <message>
        <source>What to analyse (see above).</source>
        <translation>What to analyse (see above).</translation>
    </message>
    <message>
        <source>The project file (default: the built-in sample).</source>
        <translation>The project file (default: the built-in sample).</translation>
    </message>
    <message>
        <source>area</source>
        <translation>area</translation>
    </message>
    <message>
        <source>Incident categories (code or name, comma-separated).</source>
        <translation>Incident categories (code or name, comma-separated).</translation>
    </message>
    <message>
        <source>list</source>
        <translation>list</translation>
    </message>
    <message>
        <source>Incident sources: camera_ai, grid_inspector, hotline, citizen_app.</source>
        <translation>Incident sources: camera_ai, grid_inspector, hotline, citizen_app.</translation>
    </message>
    <message>
        <source>Incident statuses: reported, dispatched, handled, closed.</source>
        <translation>Incident statuses: reported, dispatched, handled, closed.</translation>
    </message>
    <message>
        <source>Reported at or after this date or time.</source>
        <translation>Reported at or after this date or time.</translation>
    </message>
    <message>
        <source>time</source>
        <translation>time</translation>
    </message>
    <message>
        <source>Reported before this time (a date: to its end).</source>
        <translation>Reported before this time (a date: to its end).</translation>
    </message>
    <message>
        <source>The moment open and overdue cases are judged at (default: now).</source>
        <translation>The moment open and overdue cases are judged at (default: now).</translation>
    </message>
    <message>
        <source>Only overdue incidents.</source>
        <translation>Only overdue incidents.</translation>
    </message>
    <message>
        <source>Station kind for services (e.g. day_care).</source>
        <translation>Station kind for services (e.g. day_care).</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>kind</translation>
    </message>
    <message>
        <source>Walking distances in metres (services), or the linking distance of recurring places.</source>
        <translation>Walking distances in metres (services), or the linking distance of recurring places.</translation>
    </message>
    <message>
        <source>metres</source>
        <translation>metres</translation>
    </message>
    <message>
        <source>Services: print N suggested sites for new stations (to standard error).</source>
        <translation>Services: print N suggested sites for new stations (to standard error).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Hotspots: the week, by any day in it.</source>
        <translation>Hotspots: the week, by any day in it.</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>Hotspots: weeks compared against (default 4).</source>
        <translation>Hotspots: weeks compared against (default 4).</translation>
    </message>
    <message>
        <source>Recurring places: time window in days.</source>
        <translation>Recurring places: time window in days.</translation>
    </message>
    <message>
        <source>days</source>
        <translation>days</translation>
    </message>
    <message>
        <source>Recurring places: fewest incidents.</source>
        <translation>Recurring places: fewest incidents.</translation>
    </message>
    <message>
        <source>Count: the point table.</source>
        <translation>Count: the point table.</translation>
    </message>
    <message>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <source>Count: the polygon table.</source>
        <translation>Count: the polygon table.</translation>
    </message>
    <message>
        <source>Output: csv, json or gpkg.</source>
        <translation>Output: csv, json or gpkg.</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>Write to this file instead of standard output.</source>
        <translation>Write to this file instead of standard output.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN or en.</source>
        <translation>Language of messages: zh_CN or en.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>citytwin stats: %1</source>
        <translation>citytwin stats: %1</translation>
    </message>
    <message>
        <source>say what to analyse: %1 (citytwin stats --help)</source>
        <translation>say what to analyse: %1 (citytwin stats --help)</translation>
    </message>
    <message>
        <source>citytwin stats: no project given; using the built-in sample district %1</source>
        <translation>citytwin stats: no project given; using the built-in sample district %1</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: no such file</translation>
    </message>
    <message>
        <source>--format must be csv, json or gpkg</source>
        <translation>--format must be csv, json or gpkg</translation>
    </message>
    <message>
        <source>--format gpkg needs --out FILE</source>
        <translation>--format gpkg needs --out FILE</translation>
    </message>
    <message>
        <source>%1: will not write results into the project itself; choose another --out file</source>
        <translation>%1: will not write results into the project itself; choose another --out file</translation>
    </message>
    <message>
        <source>%1: no such incident category in %2</source>
        <translation>%1: no such incident category in %2</translation>
    </message>
    <message>
        <source>hotspots needs --week DATE (any day of the week)</source>
        <translation>hotspots needs --week DATE (any day of the week)</translation>
    </message>
    <message>
        <source>--week: %1 is not a date</source>
        <translation>--week: %1 is not a date</translation>
    </message>
    <message>
        <source>--weeks-before must be 1 to 52</source>
        <translation>--weeks-before must be 1 to 52</translation>
    </message>
    <message>
        <source>%1 has no grids layer</source>
        <translation>%1 has no grids layer</translation>
    </message>
    <message>
        <source>citytwin stats: week of %1 against the %2 weeks before</source>
        <translation>citytwin stats: week of %1 against the %2 weeks before</translation>
    </message>
    <message>
        <source>recurring needs --distance above 0, --days at least 0 and --min at least 2</source>
        <translation>recurring needs --distance above 0, --days at least 0 and --min at least 2</translation>
    </message>
    <message>
        <source>citytwin stats: district: %1 of %2 residential buildings have a building group (%3%), %4% of households reached by a 1+10 link; %5 populated grids without a branch</source>
        <translation>citytwin stats: district: %1 of %2 residential buildings have a building group (%3%), %4% of households reached by a 1+10 link; %5 populated grids without a branch</translation>
    </message>
    <message>
        <source>--distance must be metres above 0 (e.g. 500 or 500,1000)</source>
        <translation>--distance must be metres above 0 (e.g. 500 or 500,1000)</translation>
    </message>
    <message>
        <source>citytwin stats: district: %1 of %2 people (%3%) within %4 m of a %5 station</source>
        <translation>citytwin stats: district: %1 of %2 people (%3%) within %4 m of a %5 station</translation>
    </message>
    <message>
        <source>  suggested site: building %1 (%2, %3): +%4 people, %5% covered after it</source>
        <translation>  suggested site: building %1 (%2, %3): +%4 people, %5% covered after it</translation>
    </message>
    <message>
        <source>citytwin stats: %1% of open ground and %2% of streets in view; %3 grids with blind spots</source>
        <translation>citytwin stats: %1% of open ground and %2% of streets in view; %3 grids with blind spots</translation>
    </message>
    <message>
        <source>citytwin stats: %1 points, %2 outside every polygon, %3 without a readable point</source>
        <translation>citytwin stats: %1 points, %2 outside every polygon, %3 without a readable point</translation>
    </message>
    <message>
        <source>%1: cannot write the file</source>
        <translation>%1: cannot write the file</translation>
    </message>
    <message>
        <source>citytwin stats: %1 rows in %2 s</source>
        <translation>citytwin stats: %1 rows in %2 s</translation>
    </message>
    <message>
        <source>Overdue limits instead of the project&apos;s, hours per category: street_vending=12,noise=48.</source>
        <translation>Overdue limits instead of the project&apos;s, hours per category: street_vending=12,noise=48.</translation>
    </message>
    <message>
        <source>--overdue-hours: %1 is not CATEGORY=HOURS with a known category</source>
        <translation>--overdue-hours: %1 is not CATEGORY=HOURS with a known category</translation>
    </message>
    <message>
        <source>Only incidents of these grid cells (ids).</source>
        <translation>Only incidents of these grid cells (ids).</translation>
    </message>
    <message>
        <source>Only incidents of the grid cells of this community (id).</source>
        <translation>Only incidents of the grid cells of this community (id).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Only incidents inside the polygons of this file (any vector source).</source>
        <translation>Only incidents inside the polygons of this file (any vector source).</translation>
    </message>
    <message>
        <source>%1: no polygon to take as the area</source>
        <translation>%1: no polygon to take as the area</translation>
    </message>
    <message>
        <source>%1 has no stations of kind %2 (it has: %3)</source>
        <translation>%1 has no stations of kind %2 (it has: %3)</translation>
    </message>
    <message>
        <source>--by must be grid or community (category for incidents, station for services)</source>
        <translation>--by must be grid or community (category for incidents, station for services)</translation>
    </message>
    <message>
        <source>Areas: grid or community; incidents also by category, services by station (its load).</source>
        <translation>Areas: grid or community; incidents also by category, services by station (its load).</translation>
    </message>
    <message>
        <source>Start from a filter saved in the project (the other options add to it).</source>
        <translation>Start from a filter saved in the project (the other options add to it).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
</context>
<context>
    <name>citytwin::app::TableColumnOptions</name>
    <message>
        <source>A point table&apos;s longitude or easting column (with --y-field).</source>
        <translation>A point table&apos;s longitude or easting column (with --y-field).</translation>
    </message>
    <message>
        <source>column</source>
        <translation>column</translation>
    </message>
    <message>
        <source>A point table&apos;s latitude or northing column (with --x-field).</source>
        <translation>A point table&apos;s latitude or northing column (with --x-field).</translation>
    </message>
    <message>
        <source>A table&apos;s geometry column (WKT or GeoJSON).</source>
        <translation>A table&apos;s geometry column (WKT or GeoJSON).</translation>
    </message>
    <message>
        <source>--x-field and --y-field go together</source>
        <translation>--x-field and --y-field go together</translation>
    </message>
    <message>
        <source>give either --x-field and --y-field, or --geometry-field</source>
        <translation>give either --x-field and --y-field, or --geometry-field</translation>
    </message>
</context>
<context>
    <name>citytwin::app::TableColumnsDialog</name>
    <message>
        <source>Coordinate columns</source>
        <translation>Coordinate columns</translation>
    </message>
    <message>
        <source>No coordinate columns were recognised in &lt;b&gt;%1&lt;/b&gt;, so its rows have no place on the map. Choose the columns that hold its coordinates.</source>
        <translation>No coordinate columns were recognised in &lt;b&gt;%1&lt;/b&gt;, so its rows have no place on the map. Choose the columns that hold its coordinates.</translation>
    </message>
    <message>
        <source>Two columns: X (longitude or easting) and Y (latitude or northing)</source>
        <translation>Two columns: X (longitude or easting) and Y (latitude or northing)</translation>
    </message>
    <message>
        <source>X column:</source>
        <translation>X column:</translation>
    </message>
    <message>
        <source>Y column:</source>
        <translation>Y column:</translation>
    </message>
    <message>
        <source>One column with a WKT or GeoJSON geometry</source>
        <translation>One column with a WKT or GeoJSON geometry</translation>
    </message>
    <message>
        <source>Geometry column:</source>
        <translation>Geometry column:</translation>
    </message>
</context>
<context>
    <name>citytwin::app::TemplateEditor</name>
    <message>
        <source>Edit Report Template</source>
        <translation>Edit Report Template</translation>
    </message>
    <message>
        <source>One page for the district</source>
        <translation>One page for the district</translation>
    </message>
    <message>
        <source>A page per community</source>
        <translation>A page per community</translation>
    </message>
    <message>
        <source>A page per grid cell</source>
        <translation>A page per grid cell</translation>
    </message>
    <message>
        <source>A page per street</source>
        <translation>A page per street</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Margin:</source>
        <translation>Margin:</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>Page:</translation>
    </message>
    <message>
        <source>Placeholders: {area} the page&apos;s area, {district} the district, {period} the filter&apos;s time range, {filter} the filter in words, {date} the data&apos;s date, {project} the project&apos;s name</source>
        <translation>Placeholders: {area} the page&apos;s area, {district} the district, {period} the filter&apos;s time range, {filter} the filter in words, {date} the data&apos;s date, {project} the project&apos;s name</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Subtitle:</source>
        <translation>Subtitle:</translation>
    </message>
    <message>
        <source>Footer:</source>
        <translation>Footer:</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Cover</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>An atlas of several areas opens with a cover page</source>
        <translation>An atlas of several areas opens with a cover page</translation>
    </message>
    <message>
        <source>An atlas of several areas lists its pages after the cover</source>
        <translation>An atlas of several areas lists its pages after the cover</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>Pages:</translation>
    </message>
    <message>
        <source>Items (boxes as fractions of the printable area, 0 to 1)</source>
        <translation>Items (boxes as fractions of the printable area, 0 to 1)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
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
        <translation>Width</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>key=value; key=value — hold the pointer over a cell for its kind&apos;s options</source>
        <translation>key=value; key=value — hold the pointer over a cell for its kind&apos;s options</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Adds a text item after the selected one; choose its kind in the first column</source>
        <translation>Adds a text item after the selected one; choose its kind in the first column</translation>
    </message>
    <message>
        <source>Save to Project</source>
        <translation>Save to Project</translation>
    </message>
    <message>
        <source>Keeps the template in the project under its name; Export Report lists it</source>
        <translation>Keeps the template in the project under its name; Export Report lists it</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Removes the template of this name from the project</source>
        <translation>Removes the template of this name from the project</translation>
    </message>
    <message>
        <source>Import JSON…</source>
        <translation>Import JSON…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Export JSON…</translation>
    </message>
    <message>
        <source>Import Report Template</source>
        <translation>Import Report Template</translation>
    </message>
    <message>
        <source>Report templates (*.json)</source>
        <translation>Report templates (*.json)</translation>
    </message>
    <message>
        <source>Export Report Template</source>
        <translation>Export Report Template</translation>
    </message>
    <message>
        <source>Item %1 (%2): %3</source>
        <translation>Item %1 (%2): %3</translation>
    </message>
    <message>
        <source>Give the template a name to save it.</source>
        <translation>Give the template a name to save it.</translation>
    </message>
    <message>
        <source>The project&apos;s version of a ready template: Delete brings the ready one back.</source>
        <translation>The project&apos;s version of a ready template: Delete brings the ready one back.</translation>
    </message>
    <message>
        <source>A ready template&apos;s name: saved under it, this version replaces the ready one in this project. Choose another name to keep both.</source>
        <translation>A ready template&apos;s name: saved under it, this version replaces the ready one in this project. Choose another name to keep both.</translation>
    </message>
    <message>
        <source>Saved in the project.</source>
        <translation>Saved in the project.</translation>
    </message>
    <message>
        <source>Not saved in the project yet.</source>
        <translation>Not saved in the project yet.</translation>
    </message>
    <message>
        <source>The template cannot be saved. %1</source>
        <translation>The template cannot be saved. %1</translation>
    </message>
    <message>
        <source>Give the template a name before saving it.</source>
        <translation>Give the template a name before saving it.</translation>
    </message>
    <message>
        <source>Saved in the project as &apos;%1&apos;.</source>
        <translation>Saved in the project as &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Delete Report Template</source>
        <translation>Delete Report Template</translation>
    </message>
    <message>
        <source>Delete the template &apos;%1&apos; from the project?</source>
        <translation>Delete the template &apos;%1&apos; from the project?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not saved in the project: only the project&apos;s own templates can be deleted.</source>
        <translation>&apos;%1&apos; is not saved in the project: only the project&apos;s own templates can be deleted.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was deleted from the project.</source>
        <translation>&apos;%1&apos; was deleted from the project.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
        <source>%1 is not a report template: it is far too large for one</source>
        <translation>%1 is not a report template: it is far too large for one</translation>
    </message>
    <message>
        <source>%1 is not a report template: %2</source>
        <translation>%1 is not a report template: %2</translation>
    </message>
    <message>
        <source>Imported %1; Save to Project keeps it.</source>
        <translation>Imported %1; Save to Project keeps it.</translation>
    </message>
    <message>
        <source>Give the template a name before exporting it.</source>
        <translation>Give the template a name before exporting it.</translation>
    </message>
    <message>
        <source>The template cannot be exported. %1</source>
        <translation>The template cannot be exported. %1</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 cannot be written: %2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exported to %1.</translation>
    </message>
</context>
<context>
    <name>citytwin::app::TemplateItems</name>
    <message>
        <source>&apos;%1&apos; is not key=value</source>
        <translation>&apos;%1&apos; is not key=value</translation>
    </message>
    <message>
        <source>source must be top-down or bookmark:NAME, not &apos;%1&apos;</source>
        <translation>source must be top-down or bookmark:NAME, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>chart must be %1, not &apos;%2&apos;</source>
        <translation>chart must be %1, not &apos;%2&apos;</translation>
    </message>
    <message>
        <source>table must be one of %1, not &apos;%2&apos;</source>
        <translation>table must be one of %1, not &apos;%2&apos;</translation>
    </message>
    <message>
        <source>rows must be a whole number from 1 to 200, not &apos;%1&apos;</source>
        <translation>rows must be a whole number from 1 to 200, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Scale bar</source>
        <translation>Scale bar</translation>
    </message>
    <message>
        <source>North arrow</source>
        <translation>North arrow</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>source=top-down (drawn from the layers) or bookmark:NAME (a bookmark&apos;s 3D view); layers=the project&apos;s tables drawn, bottom first (communities,grids,river,roads,buildings,stations,incidents); field=count colours the areas by their incidents</source>
        <translation>source=top-down (drawn from the layers) or bookmark:NAME (a bookmark&apos;s 3D view); layers=the project&apos;s tables drawn, bottom first (communities,grids,river,roads,buildings,stations,incidents); field=count colours the areas by their incidents</translation>
    </message>
    <message>
        <source>figures=codes, comma-separated: count, open, overdue, ai_share, median_close_h, population, group_share, link_share, branches, service_coverage, stations, week_incidents, week_closed_on_time, week_median_close_h, overdue_now, week_ai_share</source>
        <translation>figures=codes, comma-separated: count, open, overdue, ai_share, median_close_h, population, group_share, link_share, branches, service_coverage, stations, week_incidents, week_closed_on_time, week_median_close_h, overdue_now, week_ai_share</translation>
    </message>
    <message>
        <source>chart=categories (incidents per category, bars) or daily (incidents per day, a line)</source>
        <translation>chart=categories (incidents per category, bars) or daily (incidents per day, a line)</translation>
    </message>
    <message>
        <source>table=grids (the area&apos;s grid cells by incidents), overdue (overdue cases), communities (coverage per community) or gaps (the least covered); rows=at most this many rows (1 to 200)</source>
        <translation>table=grids (the area&apos;s grid cells by incidents), overdue (overdue cases), communities (coverage per community) or gaps (the least covered); rows=at most this many rows (1 to 200)</translation>
    </message>
    <message>
        <source>text=the words, placeholders allowed, to the end of the line</source>
        <translation>text=the words, placeholders allowed, to the end of the line</translation>
    </message>
    <message>
        <source>No options: the template&apos;s title and subtitle</source>
        <translation>No options: the template&apos;s title and subtitle</translation>
    </message>
    <message>
        <source>No options: drawn for the first map above it in the list</source>
        <translation>No options: drawn for the first map above it in the list</translation>
    </message>
    <message>
        <source>{filter} · data as of {date}</source>
        <translation>{filter} · data as of {date}</translation>
    </message>
    <message>
        <source>a %1 takes no options (&apos;%2&apos;)</source>
        <translation>a %1 takes no options (&apos;%2&apos;)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an option of a %2 (%3)</source>
        <translation>&apos;%1&apos; is not an option of a %2 (%3)</translation>
    </message>
    <message>
        <source>give chart=categories or chart=daily</source>
        <translation>give chart=categories or chart=daily</translation>
    </message>
    <message>
        <source>give table=grids, overdue, communities or gaps</source>
        <translation>give table=grids, overdue, communities or gaps</translation>
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
        <translation>width</translation>
    </message>
    <message>
        <source>height</source>
        <translation>height</translation>
    </message>
    <message>
        <source>%1 is &apos;%2&apos;: give a fraction of the printable area from 0 to 1</source>
        <translation>%1 is &apos;%2&apos;: give a fraction of the printable area from 0 to 1</translation>
    </message>
    <message>
        <source>%1 is &apos;%2&apos;: give a fraction of the printable area above 0, at most 1</source>
        <translation>%1 is &apos;%2&apos;: give a fraction of the printable area above 0, at most 1</translation>
    </message>
    <message>
        <source>x + width is %1: the item goes past the right edge (at most 1)</source>
        <translation>x + width is %1: the item goes past the right edge (at most 1)</translation>
    </message>
    <message>
        <source>y + height is %1: the item goes past the bottom edge (at most 1)</source>
        <translation>y + height is %1: the item goes past the bottom edge (at most 1)</translation>
    </message>
</context>
<context>
    <name>citytwin::app::TourEditor</name>
    <message>
        <source>Edit Tours</source>
        <translation>Edit Tours</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Add Current View</source>
        <translation>Add Current View</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Caption:</source>
        <translation>Caption:</translation>
    </message>
    <message>
        <source>Held for:</source>
        <translation>Held for:</translation>
    </message>
    <message>
        <source>Presenter&apos;s notes:</source>
        <translation>Presenter&apos;s notes:</translation>
    </message>
    <message>
        <source>KPI tiles</source>
        <translation>KPI tiles</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>New Tour</source>
        <translation>New Tour</translation>
    </message>
    <message>
        <source>Name of the tour:</source>
        <translation>Name of the tour:</translation>
    </message>
    <message>
        <source>Export Tour</source>
        <translation>Export Tour</translation>
    </message>
    <message>
        <source>Tour files (*.json)</source>
        <translation>Tour files (*.json)</translation>
    </message>
    <message>
        <source>Import Tour</source>
        <translation>Import Tour</translation>
    </message>
    <message>
        <source>%1. %2 (%3 s)</source>
        <translation>%1. %2 (%3 s)</translation>
    </message>
    <message>
        <source>Choose or create a tour first</source>
        <translation>Choose or create a tour first</translation>
    </message>
    <message>
        <source>Compose This Week&apos;s Briefing…</source>
        <translation>Compose This Week&apos;s Briefing…</translation>
    </message>
    <message>
        <source>A stop per significant change of a week (hot spots, categories&apos; rises, overdue backlogs), strongest first, then the district overview — as citytwin make-tour does</source>
        <translation>A stop per significant change of a week (hot spots, categories&apos; rises, overdue backlogs), strongest first, then the district overview — as citytwin make-tour does</translation>
    </message>
    <message>
        <source>Compose This Week&apos;s Briefing</source>
        <translation>Compose This Week&apos;s Briefing</translation>
    </message>
    <message>
        <source>A day of the week (yyyy-MM-dd):</source>
        <translation>A day of the week (yyyy-MM-dd):</translation>
    </message>
    <message>
        <source>The project&apos;s incidents are still loading</source>
        <translation>The project&apos;s incidents are still loading</translation>
    </message>
    <message>
        <source>Not a date</source>
        <translation>Not a date</translation>
    </message>
</context>
<context>
    <name>citytwin::app::TourPlayer</name>
    <message>
        <source>Open a project to use bookmarks</source>
        <translation>Open a project to use bookmarks</translation>
    </message>
    <message>
        <source>&amp;Add Bookmark…</source>
        <translation>&amp;Add Bookmark…</translation>
    </message>
    <message>
        <source>Play Tour “%1”</source>
        <translation>Play Tour “%1”</translation>
    </message>
    <message>
        <source>Stop Tour</source>
        <translation>Stop Tour</translation>
    </message>
    <message>
        <source>Add Bookmark</source>
        <translation>Add Bookmark</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Name of the view:</translation>
    </message>
    <message>
        <source>Saved bookmark %1</source>
        <translation>Saved bookmark %1</translation>
    </message>
    <message>
        <source>Tour finished</source>
        <translation>Tour finished</translation>
    </message>
    <message>
        <source>Tour: %1</source>
        <translation>Tour: %1</translation>
    </message>
    <message>
        <source>Tour stopped</source>
        <translation>Tour stopped</translation>
    </message>
    <message>
        <source>&amp;Edit Tours…</source>
        <translation>&amp;Edit Tours…</translation>
    </message>
</context>
<context>
    <name>citytwin::app::ViewLayers</name>
    <message>
        <source>Day-care Station Service &amp;Rings (%1 m)</source>
        <translation>Day-care Station Service &amp;Rings (%1 m)</translation>
    </message>
    <message>
        <source>Camera View &amp;Cones</source>
        <translation>Camera View &amp;Cones</translation>
    </message>
    <message>
        <source>Incident &amp;Heat Map</source>
        <translation>Incident &amp;Heat Map</translation>
    </message>
    <message>
        <source>No layer named %1 is open</source>
        <translation>No layer named %1 is open</translation>
    </message>
    <message numerus="yes">
        <source>incidents per km² (%n shown)</source>
        <translation>
            <numerusform>incidents per km² (%n shown)</numerusform>
            <numerusform>incidents per km² (%n shown)</numerusform>
        </translation>
    </message>
    <message>
        <source>incidents per km²</source>
        <translation>incidents per km²</translation>
    </message>
</context>
<context>
    <name>citytwin::app::WeeklyTourText</name>
    <message>
        <source>Grid %1: %2 incidents this week after none in the %3 weeks before (significant at %4%)</source>
        <translation>Grid %1: %2 incidents this week after none in the %3 weeks before (significant at %4%)</translation>
    </message>
    <message>
        <source>Grid %1: all incidents up from %2 a week to %3 this week (significant at %4%)</source>
        <translation>Grid %1: all incidents up from %2 a week to %3 this week (significant at %4%)</translation>
    </message>
    <message>
        <source>Grid %1: %2 up %3× (%4 this week, %5 a week before), significant at %6%</source>
        <translation>Grid %1: %2 up %3× (%4 this week, %5 a week before), significant at %6%</translation>
    </message>
    <message>
        <source>Grid %1: %2, %3 this week after none in the %4 weeks before, significant at %5%</source>
        <translation>Grid %1: %2, %3 this week after none in the %4 weeks before, significant at %5%</translation>
    </message>
    <message>
        <source>Grid %1: overdue cases still open up from %2 to %3 over the week</source>
        <translation>Grid %1: overdue cases still open up from %2 to %3 over the week</translation>
    </message>
    <message>
        <source>This week in the district: no incidents</source>
        <translation>This week in the district: no incidents</translation>
    </message>
    <message>
        <source>This week in the district: %1 incidents (none the week before)</source>
        <translation>This week in the district: %1 incidents (none the week before)</translation>
    </message>
    <message>
        <source>This week in the district: %1 incidents, as many as the week before</source>
        <translation>This week in the district: %1 incidents, as many as the week before</translation>
    </message>
    <message>
        <source>This week in the district: %1 incidents, up %2% on the week before (%3)</source>
        <translation>This week in the district: %1 incidents, up %2% on the week before (%3)</translation>
    </message>
    <message>
        <source>This week in the district: %1 incidents, down %2% on the week before (%3)</source>
        <translation>This week in the district: %1 incidents, down %2% on the week before (%3)</translation>
    </message>
    <message>
        <source>; %1 overdue cases open at the week&apos;s end (%2 a week before)</source>
        <translation>; %1 overdue cases open at the week&apos;s end (%2 a week before)</translation>
    </message>
</context>
</TS>
