"""Table models, one file per table, imported here so that Alembic sees every table."""

from app.models.actor import Actor, ActorAlias
from app.models.actor_merge import ActorMerge
from app.models.api_key import ApiKey
from app.models.article import Article
from app.models.change import ArticleChange
from app.models.figure import Figure
from app.models.figure_rollup import FigureRollup
from app.models.mention import Mention
from app.models.statement import Statement

__all__ = [
    "Actor",
    "ActorAlias",
    "ActorMerge",
    "ApiKey",
    "Article",
    "ArticleChange",
    "Figure",
    "FigureRollup",
    "Mention",
    "Statement",
]
