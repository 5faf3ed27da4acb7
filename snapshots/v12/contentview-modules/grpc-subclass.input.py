"""Decode our gRPC service with a customised protobuf view (mitmproxy 11)."""
from mitmproxy import contentviews
from mitmproxy.contentviews.grpc import ProtoParser, ViewConfig, ViewGrpcProtobuf

config = ViewConfig()
config.parser_rules = [ProtoParser.ParserRuleRequest(name="Login", filter="example.com/Login", field_definitions=[])]


class ViewOurGrpc(ViewGrpcProtobuf):
    name = "Our gRPC"


view = ViewOurGrpc(config)


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
