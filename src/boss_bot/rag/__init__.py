"""Optional model adapters for search (the ``rag`` extra): embeddings and a chat model.

``core.search.ports`` names what they do; core never imports this package, and this
package knows nothing of Discord, the bot, the CLI or the downloaders.
"""
