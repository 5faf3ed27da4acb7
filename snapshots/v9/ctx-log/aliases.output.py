import logging



def load(loader):
    logging.info("loaded")


def configure(updated):
    if "upstream_cert" in updated:
        logging.warning("upstream_cert changed")


def response(flow):
    logging.debug(flow.response.status_code)
    logging.error("unexpected") if flow.response is None else None
