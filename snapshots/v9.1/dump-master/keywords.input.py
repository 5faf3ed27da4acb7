"""Already passing the flags by name; a DumpMaster of another library too."""
from mitmproxy import options
from mitmproxy.tools.dump import DumpMaster
from mydump import DumpMaster as LogDumper


def make():
    m = DumpMaster(options.Options(), with_termlog=False, with_dumper=False)
    dumper = LogDumper("out.log", True, False)
    return m, dumper
