from langchain_community.llms import Tongyi
from langchain_community.chat_models import ChatTongyi

llm = Tongyi(dashscope_api_key="«alibaba-dashscope-api-key:sk-{{hex:32}}»", model_name="qwen-plus")
chat = ChatTongyi(api_key="«alibaba-dashscope-api-key:sk-{{hex:32}}»")
