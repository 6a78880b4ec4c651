"""Answers for ``$ask``: from a language model with checked citations, or extractive.

Pure text work, no I/O: the bot searches, calls ``chat_messages`` and its ``ChatModel``,
then ``cited_answer``; when there is no model, the model fails or its reply cites
nothing, it answers with ``extractive`` instead.
"""

from boss_bot.core.search.answering._answer import ANSWER_BUDGET, Answer
from boss_bot.core.search.answering._citations import cited_answer
from boss_bot.core.search.answering._extractive import extractive
from boss_bot.core.search.answering._posting import postable
from boss_bot.core.search.answering._prompt import MAX_SNIPPETS, PROMPT_BUDGET, chat_messages

__all__ = [
    "ANSWER_BUDGET",
    "MAX_SNIPPETS",
    "PROMPT_BUDGET",
    "Answer",
    "chat_messages",
    "cited_answer",
    "extractive",
    "postable",
]
