"""Search and matching over HTTP: 找工作 (posting search), 为你推荐 and 推荐人选."""
