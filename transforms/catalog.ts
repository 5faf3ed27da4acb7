// Every row id of the catalogue (MIGRATIONS.md) → the section that lists it.
// The catalogue test proves that each id is named by exactly one transform.
export const CATALOG: Readonly<Record<string, string>> = {
  // §2.A
  "H7-01": "2.A", "H7-02": "2.A", "H7-03": "2.A", "H7-04": "2.A", "H7-05": "2.A", "H7-06": "2.A",
  "H7-07": "2.A", "H7-08": "2.A", "H7-09": "2.A", "H7-10": "2.A", "H7-11": "2.A", "H7-12": "2.A",
  "H7-13": "2.A",
  // §2.B
  "C7-01": "2.B", "C7-02": "2.B", "C7-03": "2.B", "C7-04": "2.B", "C7-05": "2.B", "C7-06": "2.B",
  "C7-07": "2.B", "C7-08": "2.B", "C7-09": "2.B", "C7-10": "2.B", "C7-11": "2.B", "S7-01": "2.B",
  "S7-02": "2.B", "S7-03": "2.B", "S7-04": "2.B", "S7-05": "2.B", "S7-06": "2.B", "S7-07": "2.B",
  "S7-08": "2.B", "S7-09": "2.B",
  // §2.C
  "M7-01": "2.C", "M7-02": "2.C", "M7-03": "2.C", "M7-04": "2.C", "M7-05": "2.C", "M7-06": "2.C",
  "M7-07": "2.C", "M7-08": "2.C", "M7-09": "2.C", "M7-10": "2.C", "M7-11": "2.C", "M7-12": "2.C",
  "M7-13": "2.C", "M7-14": "2.C",
  // §2.D
  "P7-01": "2.D", "P7-02": "2.D", "P7-03": "2.D", "P7-04": "2.D", "P7-05": "2.D",
  // §2.E
  "W7-01": "2.E", "W7-02": "2.E", "W7-03": "2.E", "W7-04": "2.E", "W7-05": "2.E", "W7-06": "2.E",
  "W7-07": "2.E", "W7-08": "2.E", "W7-09": "2.E", "W7-10": "2.E", "W7-11": "2.E", "W7-12": "2.E",
  "W7-13": "2.E", "W7-14": "2.E",
  // §2.F
  "R7-01": "2.F", "R7-02": "2.F", "R7-03": "2.F", "R7-04": "2.F", "R7-05": "2.F",
  // §2.G
  "V7-01": "2.G", "V7-02": "2.G", "V7-03": "2.G", "V7-04": "2.G",
  // §2.H
  "X7-01": "2.H", "X7-02": "2.H", "X7-03": "2.H", "X7-04": "2.H", "X7-05": "2.H", "X7-06": "2.H",
  "X7-07": "2.H", "X7-08": "2.H", "X7-09": "2.H", "X7-10": "2.H", "X7-11": "2.H",
  // §2.I
  "O7-01": "2.I", "O7-02": "2.I", "O7-03": "2.I", "O7-04": "2.I",
  // §2.K
  "K7-01": "2.K",
  // §3
  "R8-01": "3", "A8-01": "3", "A8-02": "3", "A8-03": "3", "T8-01": "3", "T8-02": "3",
  "T8-03": "3", "T8-04": "3", "W8-01": "3", "F8-01": "3", "X8-01": "3", "M8-01": "3",
  "M8-02": "3", "D8-01": "3", "F8-02": "3", "F8-03": "3", "C8-01": "3", "I8-01": "3",
  "P8-01": "3", "O8-01": "3",
  // §4.A
  "L9-01": "4.A", "L9-02": "4.A",
  // §4.B
  "O9-01": "4.B", "O9-02": "4.B", "O9-03": "4.B", "O9-04": "4.B",
  // §4.C
  "V9-01": "4.C", "V9-02": "4.C", "V9-03": "4.C",
  // §4.D and the LogTierOrder note of §4.A (removed in 9.0, listed without ids; ids added by mitm-codemod)
  "REM9-01": "4.D", // mitmproxy.exceptions.TypeError
  "REM9-02": "4.D", // mitmproxy.coretypes.basethread
  "REM9-03": "4.D", // contentviews.get_tcp_content_view
  "REM9-04": "4.D", // contentviews.msgpack.pretty
  "REM9-05": "4.A", // mitmproxy.log.LogTierOrder
  // §5.A
  "K10-01": "5.A", "K10-02": "5.A", "K10-03": "5.A", "K10-04": "5.A",
  // §5.B
  "N10-01": "5.B", "N10-02": "5.B", "N10-03": "5.B", "N10-04": "5.B", "N10-05": "5.B", "N10-06": "5.B",
  "N10-07": "5.B", "N10-08": "5.B", "N10-09": "5.B", "N10-10": "5.B", "N10-11": "5.B", "N10-12": "5.B",
  "N10-13": "5.B",
  // §6
  "E11-01": "6", "E11-02": "6", "E11-03": "6", "E11-04": "6", "E11-05": "6", "E11-06": "6",
  // §7.A
  "D12-01": "7.A", "U12-01": "7.A", "U12-02": "7.A", "U12-03": "7.A", "U12-04": "7.A", "U12-05": "7.A",
  "U12-06": "7.A", "U12-07": "7.A",
  // §7.B
  "CV12-01": "7.B", "CV12-02": "7.B", "CV12-03": "7.B", "CV12-04": "7.B", "CV12-05": "7.B", "CV12-06": "7.B",
  "CV12-07": "7.B", "CV12-08": "7.B", "CV12-09": "7.B", "CV12-10": "7.B", "CV12-11": "7.B",
  // §9 (deprecated, still working at 12.2.3; ids added by mitm-codemod)
  // One id per §9 bullet that step 12 implements. Not listed: Cert.to_pyopenssl() (that is
  // U12-03) and contentviews.add(<View>) (its warning goes once the class is a Contentview,
  // CV12-01, and CV12-08 moves the registration).
  "DEP12-01": "9", // Client.address → .peername
  "DEP12-02": "9", // Client.cipher_name → .cipher
  "DEP12-03": "9", // Client.clientcert → .certificate_list[0]
  "DEP12-04": "9", // Connection.alpn_proto_negotiated → .alpn
  "DEP12-05": "9", // Server.ip_address → .peername
  "DEP12-06": "9", // Server.cert → .certificate_list[0]
  "DEP12-07": "9", // HTTPFlow.mode (report)
  "DEP12-08": "9", // WebSocketMessage.kill() → .drop()
  "DEP12-09": "9", // ctx.log.* and ctx.log() → logging
  "DEP12-10": "9", // the add_log hook (report)
  "DEP12-11": "9", // multipart.encode/decode → encode_multipart/decode_multipart
  "DEP12-12": "9", // contentviews.View used other than as the base of a view class (report)
  "DEP12-13": "9", // contentviews.get → contentviews.registry.get
  "DEP12-14": "9", // contentviews.remove (a no-op) → deleted
  "DEP12-15": "9", // option server_replay_nopop → server_replay_reuse
  "DEP12-16": "9", // list[str] SANs passed to CertStore.get_cert / certs.dummy_cert (report)
};
