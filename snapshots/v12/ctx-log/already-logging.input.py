"""Already on the logging module; ctx.log appears only in this docstring and a comment."""
import logging

from mitmproxy import ctx

logger = logging.getLogger(__name__)


def request(flow):
    # was: ctx.log.info(flow.request.url)
    logger.info(flow.request.url)
    if ctx.options.showhost:
        logger.debug(flow.request.host)
