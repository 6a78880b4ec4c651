"""The optional models of search, as the operator configured them (``boss_bot.rag``)."""

from boss_bot.core.search.ports import ChatModel, Embedding
from boss_bot.errors import ConfigError
from boss_bot.settings import BotSettings

NEEDS_RAG = "BOSS_BOT_EMBEDDING_MODEL needs the rag extra: uv sync --extra rag"


def embedding_model(settings: BotSettings) -> Embedding | None:
    """The embedding model ``EMBEDDING_MODEL`` names (a local directory), if it names one.

    Raises:
        ConfigError: The ``rag`` extra is not installed, or the model cannot be loaded.
    """
    if settings.embedding_model is None:
        return None
    try:
        from boss_bot.rag.embedding import Model2VecEmbedding
    except ImportError:
        raise ConfigError(NEEDS_RAG) from None
    return Model2VecEmbedding.load(settings.embedding_model)


def chat_model(settings: BotSettings) -> ChatModel | None:
    """The language model at ``LLM_URL``, if one is configured."""
    if settings.llm_url is None:
        return None
    from boss_bot.rag.chat import OpenAIChat

    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    return OpenAIChat(settings.llm_url, settings.llm_model, key)
